using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Tests.Results;

public sealed class AggregatorTests
{
    private const double Tol = 1e-12;

    /// <summary>
    /// 2 seeds x 3 folds. Hand-computed aggregates:
    /// plcc  seed 0: .9 .8 .7 (mean .8)   seed 1: .7 .6 .5 (mean .6)
    /// srocc seed 0: 1 2 6 (mean 3)       seed 1: 3 2 4 (mean 3)
    /// rmse  seed 0: 1 1 1 (mean 1)       seed 1: 2 5 8 (mean 5)
    /// krocc seed 0: .5 .5 .5 (mean .5)   seed 1: .1 .2 .3 (mean .2)
    /// </summary>
    private static EvaluationResult TwoSeedsThreeFolds(bool withKrocc = true)
    {
        var r = new EvaluationResult { Seeds = [0, 1], Sources = ["a", "b", "c"] };
        double[][] plcc = [[0.9, 0.8, 0.7], [0.7, 0.6, 0.5]];
        double[][] srocc = [[1, 2, 6], [3, 2, 4]];
        double[][] rmse = [[1, 1, 1], [2, 5, 8]];
        double[][] krocc = [[0.5, 0.5, 0.5], [0.1, 0.2, 0.3]];
        for (var s = 0; s < 2; s++)
        {
            var folds = new Dictionary<string, CellMetrics>();
            // Insert folds in reverse to prove the output follows r.Sources, not insertion order.
            for (var f = 2; f >= 0; f--)
            {
                folds[r.Sources[f]] = new CellMetrics
                {
                    N = 10,
                    Plcc = plcc[s][f],
                    Srocc = srocc[s][f],
                    Rmse = rmse[s][f],
                    Krocc = withKrocc ? krocc[s][f] : null,
                };
            }
            r.PerSeedPerFold[s.ToString(System.Globalization.CultureInfo.InvariantCulture)] = folds;
        }
        return r;
    }

    [Fact]
    public void Recompute_PerSeedAggregate_IsTheMeanOverFolds()
    {
        var r = TwoSeedsThreeFolds();
        Aggregator.Recompute(r);

        Assert.Equal(["0", "1"], r.PerSeedAggregate.Keys);
        Assert.Equal(0.8, r.PerSeedAggregate["0"].MeanPlcc, Tol);
        Assert.Equal(0.6, r.PerSeedAggregate["1"].MeanPlcc, Tol);
        Assert.Equal(3.0, r.PerSeedAggregate["0"].MeanSrocc, Tol);
        Assert.Equal(3.0, r.PerSeedAggregate["1"].MeanSrocc, Tol);
        Assert.Equal(1.0, r.PerSeedAggregate["0"].MeanRmse, Tol);
        Assert.Equal(5.0, r.PerSeedAggregate["1"].MeanRmse, Tol);
        Assert.Equal(0.5, r.PerSeedAggregate["0"].MeanKrocc!.Value, Tol);
        Assert.Equal(0.2, r.PerSeedAggregate["1"].MeanKrocc!.Value, Tol);
    }

    [Fact]
    public void Recompute_PerFoldAggregate_IsMeanAndSampleStdOverSeeds()
    {
        var r = TwoSeedsThreeFolds();
        Aggregator.Recompute(r);

        Assert.Equal(["a", "b", "c"], r.PerFoldAggregate.Keys);
        var a = r.PerFoldAggregate["a"];
        Assert.Equal(0.8, a.MeanPlcc, Tol);
        Assert.Equal(Math.Sqrt(0.02), a.StdPlcc, Tol);      // [.9, .7]
        Assert.Equal(2.0, a.MeanSrocc, Tol);
        Assert.Equal(Math.Sqrt(2), a.StdSrocc, Tol);        // [1, 3]
        Assert.Equal(1.5, a.MeanRmse, Tol);
        Assert.Equal(Math.Sqrt(0.5), a.StdRmse, Tol);       // [1, 2]
        Assert.Equal(0.3, a.MeanKrocc!.Value, Tol);
        Assert.Equal(Math.Sqrt(0.08), a.StdKrocc!.Value, Tol); // [.5, .1]

        var b = r.PerFoldAggregate["b"];
        Assert.Equal(2.0, b.MeanSrocc, Tol);
        Assert.Equal(0.0, b.StdSrocc, Tol);                 // [2, 2]
        Assert.Equal(3.0, b.MeanRmse, Tol);
        Assert.Equal(Math.Sqrt(8), b.StdRmse, Tol);         // [1, 5]

        var c = r.PerFoldAggregate["c"];
        Assert.Equal(0.6, c.MeanPlcc, Tol);
        Assert.Equal(5.0, c.MeanSrocc, Tol);
        Assert.Equal(4.5, c.MeanRmse, Tol);
        Assert.Equal(Math.Sqrt(24.5), c.StdRmse, Tol);      // [1, 8]
        Assert.Equal(Math.Sqrt(0.02), c.StdKrocc!.Value, Tol); // [.5, .3]
    }

    [Fact]
    public void Recompute_Overall_IsMeanAndSampleStdOfPerSeedMeans()
    {
        var r = TwoSeedsThreeFolds();
        Aggregator.Recompute(r);

        Assert.Equal(0.7, r.Overall.MeanPlcc, Tol);
        Assert.Equal(Math.Sqrt(0.02), r.Overall.StdPlcc, Tol);   // [.8, .6]
        Assert.Equal(3.0, r.Overall.MeanSrocc, Tol);
        Assert.Equal(0.0, r.Overall.StdSrocc, Tol);              // [3, 3]
        Assert.Equal(3.0, r.Overall.MeanRmse, Tol);
        Assert.Equal(Math.Sqrt(8), r.Overall.StdRmse, Tol);      // [1, 5]
        Assert.Equal(0.35, r.Overall.MeanKrocc!.Value, Tol);
        Assert.Equal(Math.Sqrt(0.045), r.Overall.StdKrocc!.Value, Tol); // [.5, .2]
    }

    [Fact]
    public void Recompute_OverallStd_IsNotThePooledStdOfAllCells()
    {
        // Overall std is over the per-seed means: for srocc these are equal (3, 3) so it is 0,
        // although the cells themselves vary.
        var r = TwoSeedsThreeFolds();
        Aggregator.Recompute(r);
        Assert.Equal(0.0, r.Overall.StdSrocc);
    }

    [Fact]
    public void Recompute_LeavesKroccNull_WhenAnyCellLacksKrocc()
    {
        var r = TwoSeedsThreeFolds();
        r.PerSeedPerFold["1"]["b"].Krocc = null;
        Aggregator.Recompute(r);

        Assert.All(r.PerSeedAggregate.Values, a => Assert.Null(a.MeanKrocc));
        Assert.All(r.PerFoldAggregate.Values, a => { Assert.Null(a.MeanKrocc); Assert.Null(a.StdKrocc); });
        Assert.Null(r.Overall.MeanKrocc);
        Assert.Null(r.Overall.StdKrocc);
        Assert.Equal(0.7, r.Overall.MeanPlcc, Tol);
    }

    [Fact]
    public void Recompute_KeysSeedsInTheOrderOfSeeds()
    {
        var r = new EvaluationResult { Seeds = [10, 2], Sources = ["x"] };
        r.PerSeedPerFold["2"] = new() { ["x"] = new CellMetrics { Plcc = 0.5, Srocc = 0.5, Rmse = 2 } };
        r.PerSeedPerFold["10"] = new() { ["x"] = new CellMetrics { Plcc = 0.7, Srocc = 0.5, Rmse = 4 } };
        Aggregator.Recompute(r);

        Assert.Equal(["10", "2"], r.PerSeedAggregate.Keys);
        Assert.Equal(0.7, r.PerSeedAggregate["10"].MeanPlcc);
        Assert.Equal(0.5, r.PerSeedAggregate["2"].MeanPlcc);
        Assert.Equal(0.6, r.Overall.MeanPlcc, Tol);
        Assert.Equal(3.0, r.PerFoldAggregate["x"].MeanRmse, Tol);
    }

    [Fact]
    public void Recompute_StdIsZero_WithOneSeed()
    {
        var r = new EvaluationResult { Seeds = [0], Sources = ["a", "b"] };
        r.PerSeedPerFold["0"] = new()
        {
            ["a"] = new CellMetrics { Plcc = 0.9, Srocc = 0.8, Rmse = 1, Krocc = 0.7 },
            ["b"] = new CellMetrics { Plcc = 0.7, Srocc = 0.6, Rmse = 3, Krocc = 0.5 },
        };
        Aggregator.Recompute(r);

        Assert.Equal(0.0, r.PerFoldAggregate["a"].StdPlcc);
        Assert.Equal(0.0, r.PerFoldAggregate["b"].StdRmse);
        Assert.Equal(0.9, r.PerFoldAggregate["a"].MeanPlcc);
        Assert.Equal(0.8, r.Overall.MeanPlcc, Tol);
        Assert.Equal(0.0, r.Overall.StdPlcc);
        Assert.Equal(2.0, r.Overall.MeanRmse, Tol);
        Assert.Equal(0.0, r.Overall.StdKrocc);
    }

    [Fact]
    public void Recompute_ReplacesStaleAggregates()
    {
        var r = TwoSeedsThreeFolds();
        r.PerSeedAggregate["99"] = new SeedAggregate { MeanPlcc = 123 };
        r.PerFoldAggregate["zzz"] = new MetricSummary();
        r.Overall = new MetricSummary { MeanPlcc = -5 };
        Aggregator.Recompute(r);

        Assert.DoesNotContain("99", r.PerSeedAggregate.Keys);
        Assert.DoesNotContain("zzz", r.PerFoldAggregate.Keys);
        Assert.Equal(0.7, r.Overall.MeanPlcc, Tol);
    }

    [Fact]
    public void Recompute_PropagatesNaN_FromAnUndefinedCell()
    {
        var r = TwoSeedsThreeFolds();
        r.PerSeedPerFold["0"]["a"].Plcc = double.NaN;
        Aggregator.Recompute(r);

        Assert.True(double.IsNaN(r.PerSeedAggregate["0"].MeanPlcc));
        Assert.True(double.IsNaN(r.PerFoldAggregate["a"].MeanPlcc));
        Assert.True(double.IsNaN(r.Overall.MeanPlcc));
        Assert.Equal(0.6, r.PerSeedAggregate["1"].MeanPlcc, Tol);
    }

    [Fact]
    public void Recompute_ThrowsVMR3020_WhenACellIsMissing()
    {
        var r = TwoSeedsThreeFolds();
        r.PerSeedPerFold["1"].Remove("c");
        var e = Assert.Throws<ReproException>(() => Aggregator.Recompute(r));
        Assert.Equal("VMR3020", e.Code);
        Assert.Contains("seed 1, fold 'c'", e.Message);
    }

    [Fact]
    public void Recompute_ThrowsVMR3020_WhenASeedIsMissing()
    {
        var r = TwoSeedsThreeFolds();
        r.Seeds.Add(7);
        var e = Assert.Throws<ReproException>(() => Aggregator.Recompute(r));
        Assert.Equal("VMR3020", e.Code);
        Assert.Contains("seed 7", e.Message);
    }

    [Fact]
    public void Recompute_ThrowsVMR3020_WhenThereAreNoSeeds()
    {
        var r = new EvaluationResult { Sources = ["a"] };
        Assert.Equal("VMR3020", Assert.Throws<ReproException>(() => Aggregator.Recompute(r)).Code);
    }

    [Fact]
    public void Mean_And_SampleStd_MatchHandValues()
    {
        Assert.Equal(2.5, Aggregator.Mean([1, 2, 3, 4]));
        Assert.Equal(Math.Sqrt(5.0 / 3.0), Aggregator.SampleStd([1, 2, 3, 4]), 1e-15);
        Assert.Equal(0.0, Aggregator.SampleStd([42]));
        Assert.Equal(42.0, Aggregator.Mean([42]));
    }

    [Fact]
    public void Mean_IsAccurate_ForValuesNearOne()
    {
        // Typical PLCCs: the two-pass mean is exact to the last bit here.
        Assert.Equal(0.99867, Aggregator.Mean([0.99852, 0.99867, 0.99882]), 1e-15);
    }

    [Fact]
    public void Mean_And_SampleStd_Throw_WhenEmpty()
    {
        Assert.Throws<ArgumentException>(() => Aggregator.Mean([]));
        Assert.Throws<ArgumentException>(() => Aggregator.SampleStd([]));
    }
}
