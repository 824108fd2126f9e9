using System.Globalization;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Results;

/// <summary>
/// The aggregates of an <see cref="EvaluationResult"/>, computed from its per-(seed, fold) cells
/// (README, "How the gate decides"; the Python reference's definitions): per-seed means over
/// folds; per-fold mean and sample std over seeds; overall mean and sample std of the per-seed
/// means. The one implementation: what <c>run</c>/<c>verify</c> store, what the gate compares
/// (<c>Gate/CellGrid</c>) and what approve records in a baseline's history all come from here, with
/// one numerics (<see cref="Mean"/>, <see cref="SampleStd"/>), so they agree exactly.
/// </summary>
public static class Aggregator
{
    /// <summary>
    /// Replaces <see cref="EvaluationResult.PerSeedAggregate"/>, <see cref="EvaluationResult.PerFoldAggregate"/>
    /// and <see cref="EvaluationResult.Overall"/> with values recomputed from
    /// <see cref="EvaluationResult.PerSeedPerFold"/>. Seeds are keyed and ordered as <see cref="EvaluationResult.Seeds"/>
    /// (invariant strings), folds as <see cref="EvaluationResult.Sources"/>. KROCC aggregates are set only
    /// when every cell has a KROCC, else null. NaN metrics propagate into the aggregates.
    /// </summary>
    /// <exception cref="ReproException">VMR3020 when there are no seeds or folds, or a (seed, fold) cell is missing.</exception>
    public static void Recompute(EvaluationResult r)
    {
        var (perSeed, perFold, overall) = Compute(r);
        r.PerSeedAggregate = perSeed;
        r.PerFoldAggregate = perFold;
        r.Overall = overall;
    }

    /// <summary>The <c>overall</c> of <paramref name="r"/> recomputed from its cells (what <see cref="Recompute"/> stores), leaving <paramref name="r"/> as it is.</summary>
    /// <exception cref="ReproException">VMR3020 as for <see cref="Recompute"/>.</exception>
    public static MetricSummary Summary(EvaluationResult r) => Compute(r).Overall;

    /// <summary>The aggregates <see cref="Recompute"/> would store, leaving <paramref name="r"/> as it is.</summary>
    /// <exception cref="ReproException">VMR3020 as for <see cref="Recompute"/>.</exception>
    public static (Dictionary<string, SeedAggregate> PerSeed, Dictionary<string, MetricSummary> PerFold, MetricSummary Overall) Compute(EvaluationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Seeds.Count == 0 || r.Sources.Count == 0)
            throw new ReproException("VMR3020", "the result has no seeds or no folds (sources), so it has nothing to aggregate",
                "Check that the result file lists its 'seeds' and 'sources', or regenerate it.");

        var seedKeys = r.Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToList();
        var cells = new CellMetrics[seedKeys.Count, r.Sources.Count];
        var allKrocc = true;
        for (var s = 0; s < seedKeys.Count; s++)
        {
            for (var f = 0; f < r.Sources.Count; f++)
            {
                if (!r.PerSeedPerFold.TryGetValue(seedKeys[s], out var folds) || !folds.TryGetValue(r.Sources[f], out var cell))
                    throw new ReproException("VMR3020", $"the result has no metrics for seed {seedKeys[s]}, fold '{r.Sources[f]}'",
                        "Every seed in 'seeds' needs a cell for every fold in 'sources' under 'per_seed_per_fold'; re-run the evaluation.");
                cells[s, f] = cell;
                allKrocc &= cell.Krocc.HasValue;
            }
        }

        var perSeed = new Dictionary<string, SeedAggregate>();
        for (var s = 0; s < seedKeys.Count; s++)
        {
            var row = Enumerable.Range(0, r.Sources.Count).Select(f => cells[s, f]).ToList();
            perSeed[seedKeys[s]] = new SeedAggregate
            {
                MeanPlcc = Mean(row.Select(c => c.Plcc).ToList()),
                MeanSrocc = Mean(row.Select(c => c.Srocc).ToList()),
                MeanRmse = Mean(row.Select(c => c.Rmse).ToList()),
                MeanKrocc = allKrocc ? Mean(row.Select(c => c.Krocc!.Value).ToList()) : null,
            };
        }

        var perFold = new Dictionary<string, MetricSummary>();
        for (var f = 0; f < r.Sources.Count; f++)
        {
            var column = Enumerable.Range(0, seedKeys.Count).Select(s => cells[s, f]).ToList();
            perFold[r.Sources[f]] = Summarise(
                column.Select(c => c.Plcc).ToList(),
                column.Select(c => c.Srocc).ToList(),
                column.Select(c => c.Rmse).ToList(),
                allKrocc ? column.Select(c => c.Krocc!.Value).ToList() : null);
        }

        var seedMeans = seedKeys.Select(k => perSeed[k]).ToList();
        var overall = Summarise(
            seedMeans.Select(a => a.MeanPlcc).ToList(),
            seedMeans.Select(a => a.MeanSrocc).ToList(),
            seedMeans.Select(a => a.MeanRmse).ToList(),
            allKrocc ? seedMeans.Select(a => a.MeanKrocc!.Value).ToList() : null);
        return (perSeed, perFold, overall);
    }

    /// <summary>The arithmetic mean (two-pass: a first estimate, then the mean residual added back).</summary>
    /// <exception cref="ArgumentException">When <paramref name="values"/> is empty.</exception>
    public static double Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("The mean of no values is undefined.", nameof(values));
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        var mean = sum / values.Count;
        if (!double.IsFinite(mean))
            return mean;
        var residual = 0.0;
        foreach (var v in values)
            residual += v - mean;
        return mean + (residual / values.Count);
    }

    /// <summary>The sample standard deviation (ddof = 1); 0 for a single (non-NaN) value.</summary>
    /// <exception cref="ArgumentException">When <paramref name="values"/> is empty.</exception>
    public static double SampleStd(IReadOnlyList<double> values)
    {
        var mean = Mean(values);
        if (values.Count == 1)
            return double.IsNaN(mean) ? double.NaN : 0.0;
        var squares = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            squares += d * d;
        }
        return Math.Sqrt(squares / (values.Count - 1));
    }

    private static MetricSummary Summarise(List<double> plcc, List<double> srocc, List<double> rmse, List<double>? krocc) => new()
    {
        MeanPlcc = Mean(plcc),
        StdPlcc = SampleStd(plcc),
        MeanSrocc = Mean(srocc),
        StdSrocc = SampleStd(srocc),
        MeanRmse = Mean(rmse),
        StdRmse = SampleStd(rmse),
        MeanKrocc = krocc is null ? null : Mean(krocc),
        StdKrocc = krocc is null ? null : SampleStd(krocc),
    };
}
