using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Results;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

/// <summary>
/// The gate's headline numbers and a result's stored <c>overall</c> are one computation
/// (<see cref="Aggregator"/>): bit for bit equal, not merely close.
/// </summary>
public sealed class AggregatesAgreeTests
{
    // Cells whose sums are not exact in binary: a naive mean of them differs in the last bits.
    private static EvaluationResult Awkward()
    {
        var r = Noise(ToolResult(), 0.0123456789, seed: 7);
        foreach (var folds in r.PerSeedPerFold.Values)
            foreach (var c in folds.Values)
                c.Rmse = c.Rmse * 1.1 + 0.1;
        Aggregator.Recompute(r);
        return r;
    }

    [Fact]
    public void GateMeansAndStds_EqualTheStoredOverall_Exactly()
    {
        var r = Awkward();

        var pair = Assert.Single(new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, r, Clone(r))]).Pairs);

        Assert.Equal(4, pair.Checks.Count);
        foreach (var c in pair.Checks)
        {
            var (mean, std) = Stored(r.Overall, c.Metric);
            Assert.Equal(mean, c.BaselineMean);
            Assert.Equal(mean, c.FreshMean);
            Assert.Equal(std, c.BaselineStd);
        }
    }

    [Fact]
    public void TheHistoryOfAnApproval_RecordsTheStoredOverall_Exactly()
    {
        var r = Awkward();

        var summary = Aggregator.Summary(r);

        Assert.Equal(ResultJson.Serialize(new EvaluationResult { Overall = r.Overall }), ResultJson.Serialize(new EvaluationResult { Overall = summary }));
    }

    [Fact]
    public void TheAwkwardCells_WouldTellTwoNumericsApart()
    {
        // Guards the tests above: on these cells a naive mean (LINQ Average of the per-seed
        // Averages) is not the stored one, so an exact comparison can fail.
        var r = Awkward();
        var seeds = r.Seeds.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var naive = new[] { Metric.Plcc, Metric.Srocc, Metric.Rmse, Metric.Krocc }.Select(m =>
            seeds.Select(s => r.Sources.Select(f => m.ValueIn(r.PerSeedPerFold[s][f])!.Value).Average()).Average()).ToList();

        var stored = new[] { r.Overall.MeanPlcc, r.Overall.MeanSrocc, r.Overall.MeanRmse, r.Overall.MeanKrocc!.Value };

        Assert.NotEqual(stored, naive);
    }

    private static (double Mean, double Std) Stored(MetricSummary s, Metric m) => m switch
    {
        Metric.Plcc => (s.MeanPlcc, s.StdPlcc),
        Metric.Srocc => (s.MeanSrocc, s.StdSrocc),
        Metric.Rmse => (s.MeanRmse, s.StdRmse),
        _ => (s.MeanKrocc!.Value, s.StdKrocc!.Value),
    };
}
