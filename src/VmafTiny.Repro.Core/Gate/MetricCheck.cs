namespace VmafTiny.Repro.Gate;

/// <summary>
/// The comparison of one metric of one pair. <see cref="Delta"/> = fresh − baseline overall mean;
/// <see cref="BadDelta"/> is the same change signed so that positive is worse.
/// </summary>
public sealed record MetricCheck
{
    public required Metric Metric { get; init; }
    public required double BaselineMean { get; init; }
    public required double FreshMean { get; init; }
    public required double Delta { get; init; }
    public required double BadDelta { get; init; }
    /// <summary>Sample std of the baseline's per-seed means.</summary>
    public required double BaselineStd { get; init; }
    public required double K { get; init; }
    public required double Floor { get; init; }
    /// <summary>max(k × <see cref="BaselineStd"/>, <see cref="Floor"/>).</summary>
    public required double Band { get; init; }
    /// <summary>Pairs (cells, or folds when seeds differ) with a non-zero difference used by the test.</summary>
    public required int PairedN { get; init; }
    /// <summary>One-sided Wilcoxon signed-rank p-value in the bad direction, before adjustment.</summary>
    public required double PValue { get; init; }
    /// <summary>Holm-Bonferroni adjusted p-value over all checks of the report.</summary>
    public double AdjustedPValue { get; init; } = double.NaN;
    /// <summary>The bad-direction change exceeds the band.</summary>
    public bool BeyondBand => BadDelta > Band;
    /// <summary>The good-direction change exceeds the band.</summary>
    public bool ImprovedBeyondBand => -BadDelta > Band;
    /// <summary>Adjusted p &lt; alpha and the bad-direction change exceeds the floor.</summary>
    public bool ConsistentShift { get; init; }
    public bool Regressed => BeyondBand || ConsistentShift;
    /// <summary>For a regressed metric: the folds that drove it, worst first (at least one).</summary>
    public IReadOnlyList<FoldShift> DrivingFolds { get; init; } = [];
}

/// <summary>
/// How one fold's mean over seeds moved: <see cref="BadDelta"/> positive is worse;
/// <see cref="Threshold"/> = max(k × the fold's baseline std over seeds, floor).
/// </summary>
public sealed record FoldShift(string Fold, double BaselineMean, double FreshMean, double BadDelta, double Threshold)
{
    public bool Exceeds => BadDelta > Threshold;
}
