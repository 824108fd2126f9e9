using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// Whether a result file is a result of the pair whose place it takes: its own <c>arch</c> and
/// <c>corpus.name</c> match its path, its <c>hidden</c> widths match the configured architecture.
/// One rule for both files under <c>baselines/</c>: a received file must say all of it
/// (<see cref="ReceivedCheck"/>, VMR3205); a baseline only what it says (a Python-reference file has
/// no <c>hidden</c> and no <c>corpus</c>), and a mismatch makes it an invalid baseline (VMR1009).
/// </summary>
public static class ResultPlace
{
    /// <summary>Each field that disagrees with the place, named; empty when the file is where it belongs.</summary>
    /// <param name="r">The result read from the file.</param>
    /// <param name="corpus">The corpus folder it lies in.</param>
    /// <param name="arch">The architecture its file name says.</param>
    /// <param name="configuredHidden">The configured widths of <paramref name="arch"/>; null skips that check.</param>
    /// <param name="complete">True for a received file: a missing corpus section or widths list is a mismatch too.</param>
    public static IReadOnlyList<string> Mismatches(EvaluationResult r, string corpus, string arch, IReadOnlyList<int>? configuredHidden, bool complete)
    {
        ArgumentNullException.ThrowIfNull(r);
        var problems = new List<string>();
        if (r.Arch != arch) problems.Add($"its arch is '{MessageText.Printable(r.Arch)}', not '{arch}'");
        if (r.Corpus is null)
        {
            if (complete) problems.Add("no corpus section");
        }
        else if (r.Corpus.Name != corpus) problems.Add($"its corpus.name is '{MessageText.Printable(r.Corpus.Name)}', not '{corpus}'");
        if (configuredHidden is not null && (r.Hidden is not null || complete) && !(r.Hidden ?? []).SequenceEqual(configuredHidden))
            problems.Add($"its hidden widths [{string.Join(",", r.Hidden ?? [])}] differ from the configured [{string.Join(",", configuredHidden)}] of '{arch}'");
        return problems;
    }
}
