using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Gate;

/// <summary>The verdicts of one gate run. A regression is a result here, never an exception.</summary>
public sealed record GateReport
{
    /// <summary>One result per (corpus, arch) pair, worst verdict first, then by corpus and arch.</summary>
    public required IReadOnlyList<PairResult> Pairs { get; init; }
    public required double Alpha { get; init; }
    /// <summary>Received files that match no configured pair (warnings).</summary>
    public IReadOnlyList<string> OrphanReceived { get; init; } = [];
    /// <summary>The configured exports and their checks (a failed check counts as a regression).</summary>
    public IReadOnlyList<Export.ExportOutcome> Exports { get; init; } = [];

    public int Count(GateVerdict verdict) => Pairs.Count(p => p.Verdict == verdict);

    /// <summary>
    /// <see cref="ExitCodes.Regression"/> if any pair regressed or an export check failed; else <see cref="ExitCodes.NotComparable"/>
    /// if any is not comparable, has an invalid baseline or has no baseline; else <see cref="ExitCodes.Success"/> (stale
    /// baselines and improvements are warnings).
    /// </summary>
    public int ExitCode =>
        Count(GateVerdict.Regressed) > 0 || Exports.Any(e => !e.Passed) ? ExitCodes.Regression :
        Count(GateVerdict.NotComparable) + Count(GateVerdict.InvalidBaseline) + Count(GateVerdict.MissingBaseline) > 0 ? ExitCodes.NotComparable :
        ExitCodes.Success;

    /// <summary><see cref="ExitCode"/>, or always success with <paramref name="warnOnly"/>.</summary>
    public int ExitCodeFor(bool warnOnly) => warnOnly ? ExitCodes.Success : ExitCode;
}
