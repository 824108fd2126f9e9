using System.Globalization;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>Decides whether two results can be compared at all, and says what differs when not.</summary>
internal static class Comparability
{
    /// <summary>The reasons the pair is not comparable; empty when it is.</summary>
    public static IReadOnlyList<string> Differences(EvaluationResult baseline, EvaluationResult fresh, Pairing pairing)
    {
        var reasons = new List<string>();
        RecipeDifferences(baseline, fresh, reasons);

        if (baseline.Corpus is { } bc && fresh.Corpus is { } fc)
        {
            if (!string.Equals(bc.Sha256, fc.Sha256, StringComparison.OrdinalIgnoreCase))
                reasons.Add($"corpus sha256 differs (baseline {Short(bc.Sha256)}, fresh {Short(fc.Sha256)})");
            if (bc.Rows != fc.Rows)
                reasons.Add($"corpus rows differ (baseline {bc.Rows}, fresh {fc.Rows})");
        }

        var bSeeds = CellGrid.Seeds(baseline);
        var fSeeds = CellGrid.Seeds(fresh);
        if (pairing == Pairing.Cells && !SameSet(bSeeds, fSeeds))
            reasons.Add($"seeds differ (baseline [{string.Join(",", bSeeds)}], fresh [{string.Join(",", fSeeds)}])");

        var bFolds = CellGrid.Folds(baseline);
        var fFolds = CellGrid.Folds(fresh);
        if (!SameSet(bFolds, fFolds))
        {
            var onlyB = bFolds.Except(fFolds, StringComparer.Ordinal).ToList();
            var onlyF = fFolds.Except(bFolds, StringComparer.Ordinal).ToList();
            reasons.Add($"folds differ (only in baseline: [{string.Join(",", onlyB)}], only in fresh: [{string.Join(",", onlyF)}])");
        }

        if (bSeeds.Count == 0 || bFolds.Count == 0) reasons.Add("baseline has no (fold, seed) cells");
        MissingCells("baseline", baseline, bSeeds, bFolds, reasons);
        MissingCells("fresh", fresh, fSeeds, fFolds, reasons);
        return reasons;
    }

    private static void RecipeDifferences(EvaluationResult b, EvaluationResult f, List<string> reasons)
    {
        if (b.Recipe is { } br && f.Recipe is { } fr)
        {
            if (br.Fingerprint == fr.Fingerprint) return;
            var fields = new List<string>();
            if (br.Epochs != fr.Epochs) fields.Add($"epochs {br.Epochs} vs {fr.Epochs}");
            if (br.BatchSize != fr.BatchSize) fields.Add($"batch_size {br.BatchSize} vs {fr.BatchSize}");
            if (br.Lr != fr.Lr) fields.Add($"lr {F(br.Lr)} vs {F(fr.Lr)}");
            if (br.Optimizer != fr.Optimizer) fields.Add($"optimizer {br.Optimizer} vs {fr.Optimizer}");
            if (br.Loss != fr.Loss) fields.Add($"loss {br.Loss} vs {fr.Loss}");
            if (br.StdGuard != fr.StdGuard) fields.Add($"std_guard {F(br.StdGuard)} vs {F(fr.StdGuard)}");
            reasons.Add(fields.Count > 0
                ? $"recipe differs (baseline vs fresh: {string.Join(", ", fields)})"
                : $"recipe fingerprint differs (baseline '{br.Fingerprint}', fresh '{fr.Fingerprint}')");
            return;
        }

        // A Python reference baseline carries only the top-level epochs, lr and batch_size.
        var diffs = new List<string>();
        if (b.Epochs != f.Epochs) diffs.Add($"epochs {b.Epochs} vs {f.Epochs}");
        if (b.BatchSize != f.BatchSize) diffs.Add($"batch_size {b.BatchSize} vs {f.BatchSize}");
        if (b.Lr != f.Lr) diffs.Add($"lr {F(b.Lr)} vs {F(f.Lr)}");
        if (diffs.Count > 0) reasons.Add($"recipe differs (baseline vs fresh: {string.Join(", ", diffs)})");
    }

    private static void MissingCells(string side, EvaluationResult r, IReadOnlyList<string> seeds, IReadOnlyList<string> folds, List<string> reasons)
    {
        var missing = seeds.SelectMany(s => folds.Where(f => CellGrid.Cell(r, s, f) is null).Select(f => $"fold {f}, seed {s}")).ToList();
        if (missing.Count > 0)
            reasons.Add($"{side} has no cell for {string.Join("; ", missing.Take(5))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")}");
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.ToHashSet(StringComparer.Ordinal).SetEquals(b);

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
