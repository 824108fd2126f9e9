using System.Globalization;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>
/// Checks a baseline's stored aggregates (<c>overall</c>, <c>per_seed_aggregate</c>,
/// <c>per_fold_aggregate</c>) against its own cells. The gate always judges from the cells, so a
/// stored number that says something else (edited by hand, or written by a buggy tool) is
/// reported (VMR1008), never silently ignored.
/// </summary>
public static class StoredAggregates
{
    /// <summary>
    /// Relative tolerance: the same definitions computed by another implementation (numpy's
    /// pairwise sums in the Python reference) differ from <see cref="Aggregator"/> by ~1e-12
    /// relative at most (a std of ~1e-4 of values near 1); anything a person would type differs by far more.
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// The stored fields that disagree with the aggregates recomputed from the cells, e.g.
    /// <c>overall.mean_plcc = 0.99999 (the cells give 0.912345678)</c>; empty when all agree, or
    /// when the cells are incomplete (that is a comparability problem, reported as such). Fields the
    /// file does not store (KROCC in a Python reference file) are not compared.
    /// </summary>
    public static IReadOnlyList<string> Disagreements(EvaluationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (!Complete(r)) return [];
        var (perSeed, perFold, overall) = Aggregator.Compute(r);
        var found = new List<string>();
        Compare("overall", r.Overall, overall, found);
        foreach (var (seed, stored) in r.PerSeedAggregate)
            if (perSeed.TryGetValue(seed, out var cells))
            {
                Field($"per_seed_aggregate.{seed}.mean_plcc", stored.MeanPlcc, cells.MeanPlcc, found);
                Field($"per_seed_aggregate.{seed}.mean_srocc", stored.MeanSrocc, cells.MeanSrocc, found);
                Field($"per_seed_aggregate.{seed}.mean_rmse", stored.MeanRmse, cells.MeanRmse, found);
                Field($"per_seed_aggregate.{seed}.mean_krocc", stored.MeanKrocc, cells.MeanKrocc, found);
            }
        foreach (var (fold, stored) in r.PerFoldAggregate)
            if (perFold.TryGetValue(fold, out var cells))
                Compare($"per_fold_aggregate.{fold}", stored, cells, found);
        return found;
    }

    private static bool Complete(EvaluationResult r) =>
        r.Seeds.Count > 0 && r.Sources.Count > 0 && r.Seeds.All(s =>
            r.PerSeedPerFold.TryGetValue(s.ToString(CultureInfo.InvariantCulture), out var folds) && r.Sources.All(folds.ContainsKey));

    private static void Compare(string where, MetricSummary stored, MetricSummary cells, List<string> found)
    {
        Field($"{where}.mean_plcc", stored.MeanPlcc, cells.MeanPlcc, found);
        Field($"{where}.std_plcc", stored.StdPlcc, cells.StdPlcc, found);
        Field($"{where}.mean_srocc", stored.MeanSrocc, cells.MeanSrocc, found);
        Field($"{where}.std_srocc", stored.StdSrocc, cells.StdSrocc, found);
        Field($"{where}.mean_rmse", stored.MeanRmse, cells.MeanRmse, found);
        Field($"{where}.std_rmse", stored.StdRmse, cells.StdRmse, found);
        Field($"{where}.mean_krocc", stored.MeanKrocc, cells.MeanKrocc, found);
        Field($"{where}.std_krocc", stored.StdKrocc, cells.StdKrocc, found);
    }

    private static void Field(string name, double? stored, double? cells, List<string> found)
    {
        if (stored is not { } s || cells is not { } c) return;
        if (Agree(s, c)) return;
        found.Add(string.Create(CultureInfo.InvariantCulture, $"{name} = {s:R} (the cells give {c:R})"));
    }

    private static bool Agree(double a, double b) =>
        a.Equals(b) || Math.Abs(a - b) <= Tolerance * Math.Max(Math.Abs(a), Math.Abs(b));
}
