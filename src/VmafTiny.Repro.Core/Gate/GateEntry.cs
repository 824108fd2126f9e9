using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>
/// One (corpus, arch) pair to judge. A fresh result without a baseline is MissingBaseline; a
/// baseline without a fresh result means the pair is no longer configured (StaleBaseline).
/// <paramref name="BaselinePath"/> is the file diagnostics point at. <paramref name="BaselineDefects"/>
/// (from <see cref="Baselines.ResultFileCheck"/>) make the pair InvalidBaseline.
/// </summary>
public sealed record GateEntry(string Corpus, string Arch, EvaluationResult? Baseline, EvaluationResult? Fresh, string? BaselinePath = null,
    IReadOnlyList<string>? BaselineDefects = null);
