namespace VmafTiny.Repro.Gate;

/// <summary>The verdict of one (corpus, arch) pair and the evidence for it.</summary>
public sealed record PairResult
{
    public required string Corpus { get; init; }
    public required string Arch { get; init; }
    public required GateVerdict Verdict { get; init; }
    /// <summary>The baseline file to look at, when known.</summary>
    public string? BaselinePath { get; init; }
    /// <summary>Why the pair is not comparable, missing or stale; null otherwise.</summary>
    public string? Reason { get; init; }
    /// <summary>The k used for this pair (after overrides and the command line).</summary>
    public double K { get; init; }
    public IReadOnlyList<MetricCheck> Checks { get; init; } = [];
    public IReadOnlyList<CellProblem> CellProblems { get; init; } = [];

    /// <summary>
    /// Metrics left out of the comparison because a side lacks them (KROCC in a Python reference
    /// baseline) or some cell has them undefined (NaN, e.g. constant predictions). Reported, never silent.
    /// </summary>
    public IReadOnlyList<Metric> NotCompared { get; init; } = [];

    /// <summary>
    /// Why a metric of <see cref="NotCompared"/> was left out, when there is a specific reason (SROCC
    /// against a reference-format baseline, <see cref="ReferenceFormat"/>); the others are
    /// undefined or absent (<see cref="Reports.VerdictText.UndefinedOrAbsent"/>).
    /// </summary>
    public IReadOnlyDictionary<Metric, string> NotComparedReasons { get; init; } = new Dictionary<Metric, string>();

    /// <summary>
    /// Stored aggregates of the baseline that disagree with its own cells (<see cref="StoredAggregates"/>),
    /// e.g. <c>overall.mean_plcc = 0.99999 (the cells give 0.912345)</c>. The verdict is judged from
    /// the cells; these are reported as warning VMR1008.
    /// </summary>
    public IReadOnlyList<string> StoredAggregateDisagreements { get; init; } = [];

    /// <summary>The regressed metrics, worst (largest bad change relative to its band) first.</summary>
    public IEnumerable<MetricCheck> RegressedChecks => Checks.Where(c => c.Regressed)
        .OrderByDescending(c => c.Band > 0 ? c.BadDelta / c.Band : double.PositiveInfinity);
}
