using System.Globalization;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate.Stats;

/// <summary>
/// Statistics of one result computed from its per-(fold, seed) cells, which are the truth: the
/// stored aggregates of a baseline may have been edited by hand. Same definitions as docs/recipe.md:
/// per-seed mean over folds, overall mean of the per-seed means, sample std (ddof 1, 0 with one
/// value) across seeds; per-fold mean and sample std over seeds.
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

    public static double[] PerSeedMeans(EvaluationResult r, Metric metric, IReadOnlyList<string> seeds, IReadOnlyList<string> folds) =>
        seeds.Select(s => folds.Average(f => Value(r, metric, s, f))).ToArray();

    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>Sample standard deviation (ddof 1); 0 with fewer than two values.</summary>
    public static double SampleStd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    public static double[] FoldValues(EvaluationResult r, Metric metric, string fold, IReadOnlyList<string> seeds) =>
        seeds.Select(s => Value(r, metric, s, fold)).ToArray();

    /// <summary>The headline numbers (overall mean ± std of each metric) recomputed from the cells.</summary>
    public static MetricSummary Summary(EvaluationResult r)
    {
        var seeds = Seeds(r);
        var folds = Folds(r);
        (double mean, double std) Of(Metric m)
        {
            var perSeed = PerSeedMeans(r, m, seeds, folds);
            return (Mean(perSeed), SampleStd(perSeed));
        }
        var plcc = Of(Metric.Plcc);
        var srocc = Of(Metric.Srocc);
        var rmse = Of(Metric.Rmse);
        var summary = new MetricSummary
        {
            MeanPlcc = plcc.mean, StdPlcc = plcc.std,
            MeanSrocc = srocc.mean, StdSrocc = srocc.std,
            MeanRmse = rmse.mean, StdRmse = rmse.std,
        };
        if (seeds.Count > 0 && folds.Count > 0 && Has(r, Metric.Krocc, seeds, folds))
        {
            var krocc = Of(Metric.Krocc);
            summary.MeanKrocc = krocc.mean;
            summary.StdKrocc = krocc.std;
        }
        return summary;
    }
}
