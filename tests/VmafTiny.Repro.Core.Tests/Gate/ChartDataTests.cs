using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports.Charts;
using VmafTiny.Repro.Results;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class ChartDataTests
{
    private static (GateCharts Charts, GateReport Report) Build(params GateEntry[] entries)
    {
        var report = new GateEvaluator(GatePolicy.Default).Evaluate(entries);
        return (ChartData.Build(report, entries), report);
    }

    private static PairCharts Pair(GateCharts charts, string arch) => charts.Pairs.Single(p => p.Pair.Arch == arch);

    [Fact]
    public void FoldChart_MarksExactlyTheFoldThatDropped_WhenOneFoldRegresses()
    {
        var (charts, report) = Build(new GateEntry(TheCorpus, "a", Shift(ToolResult(), "FoxBird", "plcc", 0.01), ToolResult()));

        var folds = Pair(charts, "a").Folds!;
        Assert.Equal(GateVerdict.Regressed, report.Pairs.Single().Verdict);
        Assert.Equal(["FoxBird"], folds.MarkedFolds);
        Assert.Equal(9, folds.Folds.Count);
        Assert.Equal(Metric.Plcc, folds.Metric);
    }

    [Fact]
    public void FoldChart_BandIsBaselineFoldMeanPlusMinusMaxOfKTimesFoldStdAndFloor()
    {
        var baseline = Noise(ToolResult(), 0.002, seed: 7);
        var (charts, _) = Build(new GateEntry(TheCorpus, "a", baseline, ToolResult()));

        foreach (var point in Pair(charts, "a").Folds!.Folds)
        {
            var values = baseline.Seeds.Select(s => baseline.PerSeedPerFold[s.ToString(System.Globalization.CultureInfo.InvariantCulture)][point.Fold].Plcc).ToArray();
            var mean = values.Average();
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            var half = Math.Max(3 * std, MetricFloors.Default.Plcc);
            Assert.Equal(values, point.BaselineSeeds);
            Assert.Equal(mean, point.BaselineMean, 12);
            Assert.Equal(mean - half, point.Band!.Low, 12);
            Assert.Equal(mean + half, point.Band.High, 12);
        }
    }

    [Fact]
    public void FoldChart_UsesTheFloor_WhenTheFoldHasNoSeedSpread()
    {
        var flat = ToolResult();
        foreach (var folds in flat.PerSeedPerFold.Values) folds["Tennis"].Plcc = 0.95;
        var (charts, _) = Build(new GateEntry(TheCorpus, "a", flat, Clone(flat)));

        var tennis = Pair(charts, "a").Folds!.Folds.Single(f => f.Fold == "Tennis");
        Assert.Equal(0.95 - 1e-4, tennis.Band!.Low, 12);
        Assert.Equal(0.95 + 1e-4, tennis.Band.High, 12);
        Assert.False(tennis.Marked);
    }

    [Fact]
    public void FoldChart_MarksNothing_WhenTheFreshResultImproves()
    {
        var (charts, _) = Build(new GateEntry(TheCorpus, "a", ToolResult(), Shift(ToolResult(), "FoxBird", "plcc", 0.01)));
        Assert.Empty(Pair(charts, "a").Folds!.MarkedFolds);
    }

    [Fact]
    public void FoldChart_HasNoBandsAndNoMarks_WhenNotComparable()
    {
        var other = ToolResult();
        other.Recipe!.Fingerprint = "lr=0.01";
        other.Recipe.Lr = 0.01;
        var (charts, report) = Build(new GateEntry(TheCorpus, "a", Shift(ToolResult(), null, "plcc", 0.05), other));

        var folds = Pair(charts, "a").Folds!;
        Assert.Equal(GateVerdict.NotComparable, report.Pairs.Single().Verdict);
        Assert.All(folds.Folds, f => Assert.Null(f.Band));
        Assert.Empty(folds.MarkedFolds);
        Assert.All(folds.Folds, f => Assert.Equal(5, f.FreshSeeds.Count));
    }

    [Fact]
    public void Charts_ShowTheFreshSideOnly_WhenTheBaselineIsMissing()
    {
        var (charts, _) = Build(new GateEntry(TheCorpus, "a", null, ToolResult()));

        var pair = Pair(charts, "a");
        Assert.All(pair.Folds!.Folds, f => { Assert.Empty(f.BaselineSeeds); Assert.Equal(5, f.FreshSeeds.Count); });
        Assert.All(pair.Seeds!.Seeds, s => { Assert.True(double.IsNaN(s.Baseline)); Assert.True(double.IsFinite(s.Fresh)); });
        Assert.Null(pair.Seeds!.Band);
        Assert.Equal(["fresh"], pair.History!.Points.Select(p => p.Label));
    }

    [Fact]
    public void SeedChart_BandIsTheGatesBand_AndSeedValuesAreMeansOverFolds()
    {
        var fresh = Shift(ToolResult(), null, "plcc", -0.001);
        var (charts, report) = Build(new GateEntry(TheCorpus, "a", ToolResult(), fresh));

        var seeds = Pair(charts, "a").Seeds!;
        var check = report.Pairs.Single().Checks.Single(c => c.Metric == Metric.Plcc);
        Assert.Equal(check.BaselineMean - check.Band, seeds.Band!.Low, 12);
        Assert.Equal(check.BaselineMean + check.Band, seeds.Band.High, 12);
        Assert.Equal(check.FreshMean, seeds.FreshMean, 12);
        Assert.Equal(["0", "1", "2", "3", "4"], seeds.Seeds.Select(s => s.Seed));
        var seed3 = fresh.PerSeedPerFold["3"].Values.Average(c => c.Plcc);
        Assert.Equal(seed3, seeds.Seeds[3].Fresh, 12);
        Assert.Equal(3, seeds.K);
    }

    [Fact]
    public void HistoryChart_ListsEveryApprovalThenTheFreshValue()
    {
        var baseline = ToolResult();
        baseline.History =
        [
            new HistoryEntry { ApprovedUtc = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), Reason = "first", Overall = new MetricSummary { MeanPlcc = 0.97, MeanRmse = 3.1 } },
            new HistoryEntry { ApprovedUtc = new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), Reason = "second", Overall = new MetricSummary { MeanPlcc = 0.98, MeanRmse = 2.9 } },
        ];
        var fresh = Shift(ToolResult(), null, "rmse", 0.5);
        var (charts, _) = Build(new GateEntry(TheCorpus, "a", baseline, fresh));

        var points = Pair(charts, "a").History!.Points;
        Assert.Equal(["v1", "v2", "fresh"], points.Select(p => p.Label));
        Assert.Equal([0.97, 0.98], points.Take(2).Select(p => p.Plcc));
        Assert.Equal([false, false, true], points.Select(p => p.IsFresh));
        var freshRmse = fresh.PerSeedPerFold.Values.Select(f => f.Values.Average(c => c.Rmse)).Average();
        Assert.Equal(freshRmse, points[2].Rmse, 12);
    }

    [Fact]
    public void HistoryChart_UsesTheBaselinesOwnNumbers_WhenItHasNoHistory()
    {
        var (charts, _) = Build(new GateEntry(TheCorpus, "a", PythonBaseline(), ToolResult(withKrocc: false)));
        Assert.Equal(["baseline", "fresh"], Pair(charts, "a").History!.Points.Select(p => p.Label));
    }

    [Fact]
    public void Overview_HasOneChartPerCorpusAndMetric_WithArchitecturesInEntryOrder()
    {
        var (charts, _) = Build(
            new GateEntry("c1", "mlp_small", ToolResult(), ToolResult()),
            new GateEntry("c1", "mlp_large", ToolResult(), Shift(ToolResult(), null, "plcc", -0.01)),
            new GateEntry("c2", "mlp_small", null, ToolResult()));

        Assert.Equal([("c1", Metric.Plcc), ("c1", Metric.Rmse), ("c2", Metric.Plcc), ("c2", Metric.Rmse)],
            charts.Overviews.Select(o => (o.Corpus, o.Metric)));
        var c1 = charts.Overviews[0].Archs;
        Assert.Equal(["mlp_small", "mlp_large"], c1.Select(a => a.Arch));
        Assert.Equal(c1[0].BaselineMean - 0.01, c1[1].FreshMean, 12);
        Assert.Equal(c1[0].BaselineStd, c1[1].FreshStd, 12);
        Assert.True(double.IsNaN(charts.Overviews[2].Archs.Single().BaselineMean));
    }
}
