using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Stats;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>What the configuration says a pair is: its hidden widths and its recipe fingerprint.</summary>
public sealed record ReceivedExpectation(IReadOnlyList<int> Hidden, string RecipeFingerprint);

/// <summary>
/// The checks <see cref="BaselineStore.Approve"/> makes before promoting a received file: it was
/// written by this tool (schema_version, recipe, corpus), every (seed, fold) cell is there with
/// every metric (<see cref="ResultFileCheck"/>), and it is a result of the pair whose place it
/// takes (<see cref="ResultPlace"/>: arch and corpus name match the path, widths the configuration)
/// and its recipe matches the configuration.
/// Any failure is VMR3205 (exit 2) and nothing is promoted.
/// </summary>
internal static class ReceivedCheck
{
    public static void Validate(EvaluationResult r, string text, string corpus, string arch, ReceivedExpectation? expected, string path)
    {
        var problems = new List<string>();
        if (r.SchemaVersion is null) problems.Add("no schema_version (not written by vmaf-repro verify)");
        problems.AddRange(ResultPlace.Mismatches(r, corpus, arch, expected?.Hidden, complete: true));
        if (r.Recipe is null) problems.Add("no recipe section");
        else if (expected is not null && r.Recipe.Fingerprint != expected.RecipeFingerprint)
            problems.Add("its recipe fingerprint differs from the configured recipe");
        var seeds = CellGrid.Seeds(r);
        var folds = CellGrid.Folds(r);
        if (r.Seeds.Count == 0 || r.Sources.Count == 0) problems.Add("no seeds or sources list");
        var missing = seeds.SelectMany(s => folds.Where(f => CellGrid.Cell(r, s, f) is null).Select(f => $"fold {MessageText.Printable(f)}, seed {s}")).ToList();
        if (missing.Count > 0) problems.Add($"missing cells: {MessageText.List(missing)}");
        problems.AddRange(ResultFileCheck.Defects(text));
        if (problems.Count > 0)
            throw new ReproException("VMR3205", $"the received file of {corpus}/{arch} cannot become its baseline: {MessageText.List(problems)}",
                "Delete it and run vmaf-repro verify to write a fresh one; the baseline is unchanged.", ExitCodes.UsageOrInputError, path);
    }
}
