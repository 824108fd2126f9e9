using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// What an approval did: the baseline file written, the headline numbers (overall mean ± std of
/// each metric, recomputed from the cells) before and after, and the history entry appended.
/// <see cref="Previous"/> is null when there was no baseline.
/// </summary>
public sealed record ApprovalOutcome(string Corpus, string Arch, string BaselinePath, MetricSummary? Previous, MetricSummary Current, HistoryEntry Entry);
