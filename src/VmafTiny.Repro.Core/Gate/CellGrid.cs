using System.Globalization;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>
/// The gate's view of one result: its (seed, fold) cells, which are the truth (the stored
/// aggregates of a baseline may have been edited by hand), read per <see cref="Metric"/>. The
/// numbers made of them (per-seed means, overall mean and std) come from <see cref="Aggregator"/>,
/// the one implementation that also writes the stored aggregates, so the gate and a result's
/// <c>overall</c> agree exactly.
/// </summary>
internal static class CellGrid
{
    public static string SeedKey(int seed) => seed.ToString(CultureInfo.InvariantCulture);

    /// <summary>The seeds of a result: its <c>seeds</c> list, else the keys of its cells.</summary>
    public static IReadOnlyList<string> Seeds(EvaluationResult r) =>
        r.Seeds.Count > 0 ? r.Seeds.Select(SeedKey).ToList() : r.PerSeedPerFold.Keys.ToList();

    /// <summary>The folds of a result: its <c>sources</c> list, else the fold keys found in its cells (ordinal order).</summary>
    public static IReadOnlyList<string> Folds(EvaluationResult r) =>
        r.Sources.Count > 0 ? r.Sources : r.PerSeedPerFold.Values.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal).ToList();

    public static CellMetrics? Cell(EvaluationResult r, string seed, string fold) =>
        r.PerSeedPerFold.TryGetValue(seed, out var folds) && folds.TryGetValue(fold, out var c) ? c : null;

    /// <summary>True when every cell of the grid carries <paramref name="metric"/>.</summary>
    public static bool Has(EvaluationResult r, Metric metric, IReadOnlyList<string> seeds, IReadOnlyList<string> folds) =>
        seeds.All(s => folds.All(f => Cell(r, s, f) is { } c && metric.ValueIn(c).HasValue));

    public static double Value(EvaluationResult r, Metric metric, string seed, string fold) =>
        Cell(r, seed, fold) is { } c ? metric.ValueIn(c) ?? double.NaN : double.NaN;

    /// <summary>Each seed's mean over the folds (<see cref="Aggregator.Mean"/>).</summary>
    public static double[] PerSeedMeans(EvaluationResult r, Metric metric, IReadOnlyList<string> seeds, IReadOnlyList<string> folds) =>
        seeds.Select(s => Aggregator.Mean(folds.Select(f => Value(r, metric, s, f)).ToList())).ToArray();

    public static double[] FoldValues(EvaluationResult r, Metric metric, string fold, IReadOnlyList<string> seeds) =>
        seeds.Select(s => Value(r, metric, s, fold)).ToArray();
}
