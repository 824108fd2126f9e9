using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate.Reports.Charts;

/// <summary>
/// Builds the chart data of a gate report from the results it judged. Everything is recomputed
/// from the per-(fold, seed) cells, as the gate does; bands and marks follow the gate's rules
/// (<see cref="FoldShifts"/>, <see cref="MetricCheck.Band"/>), so a picture never disagrees with
/// the verdict table.
/// </summary>
public static class ChartData
{
    /// <summary>The metric of the per-fold and seed charts.</summary>
    public const Metric ChartMetric = Metric.Plcc;

    /// <param name="report">The verdicts.</param>
    /// <param name="entries">The baseline and fresh results the report was computed from (any order).</param>
    public static GateCharts Build(GateReport report, IEnumerable<GateEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var byPair = list.GroupBy(e => (e.Corpus, e.Arch)).ToDictionary(g => g.Key, g => g.First());
        var pairs = report.Pairs.Select(p => byPair.TryGetValue((p.Corpus, p.Arch), out var e)
            ? new PairCharts(p, Folds(p, e), Seeds(p, e), History(p, e))
            : new PairCharts(p, null, null, null)).ToList();
        var overviews = list.Select(e => e.Corpus).Distinct()
            .SelectMany(c => new[] { Metric.Plcc, Metric.Rmse }.Select(m => Overview(c, m, list.Where(e => e.Corpus == c))))
            .ToList();
        return new GateCharts(pairs, overviews);
    }

    internal static FoldChart? Folds(PairResult pair, GateEntry e)
    {
        var (b, f) = (e.Baseline, e.Fresh);
        var folds = UnionFolds(b, f);
        if (folds.Count == 0) return null;
        var check = Check(pair, ChartMetric);
        var shifts = check is not null && b is not null && f is not null
            ? FoldShifts.Of(b, f, ChartMetric, CellGrid.Seeds(b), CellGrid.Seeds(f), folds, check.K, check.Floor).ToDictionary(s => s.Fold)
            : null;
        var points = folds.Select(fo =>
        {
            var bv = b is null ? [] : Finite(CellGrid.FoldValues(b, ChartMetric, fo, CellGrid.Seeds(b)));
            var fv = f is null ? [] : Finite(CellGrid.FoldValues(f, ChartMetric, fo, CellGrid.Seeds(f)));
            var bm = MeanOrNaN(bv);
            FoldShift? s = shifts?[fo];
            var band = s is null ? null : new Band(s.BaselineMean - s.Threshold, s.BaselineMean + s.Threshold);
            return new FoldPoint(fo, bv, bm, fv, MeanOrNaN(fv), band, s?.Exceeds ?? false);
        }).ToList();
        return new FoldChart(pair.Corpus, pair.Arch, ChartMetric, points);
    }

    internal static SeedChart? Seeds(PairResult pair, GateEntry e)
    {
        var (b, f) = (e.Baseline, e.Fresh);
        var seeds = (b is null ? [] : CellGrid.Seeds(b)).Concat(f is null ? [] : CellGrid.Seeds(f)).Distinct().ToList();
        if (seeds.Count == 0) return null;
        double SeedMean(EvaluationResult? r, string seed) =>
            r is null || !CellGrid.Seeds(r).Contains(seed) ? double.NaN : CellGrid.PerSeedMeans(r, ChartMetric, [seed], CellGrid.Folds(r))[0];
        var points = seeds.Select(s => new SeedPoint(s, SeedMean(b, s), SeedMean(f, s))).ToList();
        var check = Check(pair, ChartMetric);
        var bMean = check?.BaselineMean ?? OverallMean(b);
        var band = check is null ? null : new Band(check.BaselineMean - check.Band, check.BaselineMean + check.Band);
        return new SeedChart(pair.Corpus, pair.Arch, ChartMetric, points, bMean, check?.FreshMean ?? OverallMean(f), band, pair.K);
    }

    internal static HistoryChart? History(PairResult pair, GateEntry e)
    {
        var points = new List<HistoryPoint>();
        if (e.Baseline is { } b)
        {
            if (b.History is { Count: > 0 } history)
                points.AddRange(history.Select((h, i) => new HistoryPoint($"v{i + 1}", h.ApprovedUtc,
                    h.Overall.MeanPlcc, h.Overall.StdPlcc, h.Overall.MeanRmse, h.Overall.StdRmse, false)));
            else
                points.Add(Point("baseline", Aggregator.Summary(b), false));
        }
        if (e.Fresh is { } f) points.Add(Point("fresh", Aggregator.Summary(f), true));
        return points.Count == 0 ? null : new HistoryChart(pair.Corpus, pair.Arch, points);

        static HistoryPoint Point(string label, MetricSummary s, bool fresh) =>
            new(label, null, s.MeanPlcc, s.StdPlcc, s.MeanRmse, s.StdRmse, fresh);
    }

    internal static OverviewChart Overview(string corpus, Metric metric, IEnumerable<GateEntry> entries) =>
        new(corpus, metric, entries.Select(e =>
        {
            var (bm, bs) = MeanStd(e.Baseline, metric);
            var (fm, fs) = MeanStd(e.Fresh, metric);
            return new ArchSummary(e.Arch, bm, bs, fm, fs);
        }).ToList());

    private static (double Mean, double Std) MeanStd(EvaluationResult? r, Metric metric)
    {
        if (r is null) return (double.NaN, double.NaN);
        var perSeed = CellGrid.PerSeedMeans(r, metric, CellGrid.Seeds(r), CellGrid.Folds(r));
        return (MeanOrNaN(perSeed), perSeed.Length == 0 ? double.NaN : Aggregator.SampleStd(perSeed));
    }

    private static double OverallMean(EvaluationResult? r) => MeanStd(r, ChartMetric).Mean;

    private static MetricCheck? Check(PairResult pair, Metric metric) => pair.Checks.FirstOrDefault(c => c.Metric == metric);

    private static IReadOnlyList<string> UnionFolds(EvaluationResult? b, EvaluationResult? f) =>
        (b is null ? [] : CellGrid.Folds(b)).Concat(f is null ? [] : CellGrid.Folds(f)).Distinct().ToList();

    /// <summary>The mean, NaN for a side without values (a chart draws nothing there).</summary>
    private static double MeanOrNaN(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : Aggregator.Mean(values);

    private static double[] Finite(double[] values) => values.Where(double.IsFinite).ToArray();
}
