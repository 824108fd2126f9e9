using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Results;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class GateEvaluatorTests
{
    private static GateReport Evaluate(EvaluationResult? baseline, EvaluationResult? fresh, GatePolicy? policy = null, double? k = null) =>
        new GateEvaluator(policy ?? GatePolicy.Default, k).Evaluate([new GateEntry(TheCorpus, TheArch, baseline, fresh, "baselines/netflix-synth/mlp_medium.json")]);

    [Fact]
    public void Evaluate_Passes_WhenFreshEqualsBaseline()
    {
        var report = Evaluate(ToolResult(), ToolResult());
        var pair = Assert.Single(report.Pairs);
        Assert.Equal(GateVerdict.Pass, pair.Verdict);
        Assert.Equal(4, pair.Checks.Count);
        Assert.All(pair.Checks, c => { Assert.Equal(0, c.Delta); Assert.Equal(1.0, c.PValue); });
        Assert.Equal(ExitCodes.Success, report.ExitCode);
    }

    [Fact]
    public void Evaluate_RegressesPlccNamingFoldBandAndPValue_WhenOneFoldGotWorseForAllSeeds()
    {
        var baseline = Shift(ToolResult(), "FoxBird", "plcc", 0.01); // the baseline was better there: fresh got worse
        var report = Evaluate(baseline, ToolResult());
        var pair = Assert.Single(report.Pairs);
        Assert.Equal(GateVerdict.Regressed, pair.Verdict);
        var plcc = Assert.Single(pair.Checks, c => c.Regressed);
        Assert.Equal(Metric.Plcc, plcc.Metric);
        Assert.Equal(-0.01 / 9, plcc.Delta, 12);
        Assert.True(plcc.BeyondBand);
        // baseline across-seed std is unchanged by a shift common to all seeds: band = max(3 x 7.712e-5, 1e-4)
        Assert.Equal(3 * 7.712028034104036e-05, plcc.Band, 9);
        Assert.Equal(5, plcc.PairedN);
        // 5 non-zero differences, all 0.01 (tied): normal approximation, T+ = 15, var = 11.25;
        // Holm over the 4 checks (the other three have p = 1) multiplies it by 4.
        var p = MathNet.Numerics.Distributions.Normal.CDF(0, 1, -7.5 / Math.Sqrt(11.25));
        Assert.Equal(p, plcc.PValue, 12);
        Assert.Equal(4 * p, plcc.AdjustedPValue, 12);
        Assert.Equal("FoxBird", Assert.Single(plcc.DrivingFolds).Fold);
        Assert.Equal(ExitCodes.Regression, report.ExitCode);
        Assert.Equal(ExitCodes.Success, report.ExitCodeFor(warnOnly: true));
    }

    [Fact]
    public void Evaluate_Passes_WhenNoiseStaysWithinTheBand()
    {
        var report = Evaluate(ToolResult(), Noise(ToolResult(), 5e-5, seed: 7));
        Assert.Equal(GateVerdict.Pass, Assert.Single(report.Pairs).Verdict);
    }

    [Fact]
    public void Evaluate_ReportsImproved_WhenAMetricIsBeyondItsBandInTheGoodDirection()
    {
        var report = Evaluate(ToolResult(), Shift(ToolResult(), null, "rmse", -0.2));
        var pair = Assert.Single(report.Pairs);
        Assert.Equal(GateVerdict.Improved, pair.Verdict);
        Assert.True(Assert.Single(pair.Checks, c => c.Metric == Metric.Rmse).ImprovedBeyondBand);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
    }

    [Fact]
    public void Evaluate_RegressesOnAConsistentShift_EvenInsideAWideBand()
    {
        // k = 40 makes the PLCC band 3e-3; a uniform drop of 3e-4 (> floor 1e-4) in all 45 cells is consistent.
        var report = Evaluate(ToolResult(), Shift(ToolResult(), null, "plcc", -3e-4), k: 40);
        var plcc = Assert.Single(Assert.Single(report.Pairs).Checks, c => c.Metric == Metric.Plcc);
        Assert.False(plcc.BeyondBand);
        Assert.True(plcc.ConsistentShift);
        Assert.Equal(GateVerdict.Regressed, report.Pairs[0].Verdict);
    }

    [Fact]
    public void Evaluate_Passes_WhenConsistentShiftIsBelowTheFloor()
    {
        var report = Evaluate(ToolResult(), Shift(ToolResult(), null, "plcc", -5e-5));
        var plcc = Assert.Single(report.Pairs[0].Checks, c => c.Metric == Metric.Plcc);
        Assert.True(plcc.AdjustedPValue < 0.05);
        Assert.False(plcc.ConsistentShift);
        Assert.Equal(GateVerdict.Pass, report.Pairs[0].Verdict);
    }

    [Fact]
    public void Evaluate_RegressesNamingTheCell_WhenACellDiverged()
    {
        var fresh = ToolResult();
        fresh.PerSeedPerFold["3"]["Tennis"].Diverged = true;
        var pair = Assert.Single(Evaluate(ToolResult(), fresh).Pairs);
        Assert.Equal(GateVerdict.Regressed, pair.Verdict);
        var problem = Assert.Single(pair.CellProblems);
        Assert.Equal(("Tennis", "3", true), (problem.Fold, problem.Seed, problem.Diverged));
    }

    [Fact]
    public void Evaluate_RegressesWithTheCellsNote_WhenPlccIsNaNFromConstantPredictions()
    {
        var fresh = ToolResult();
        var cell = fresh.PerSeedPerFold["1"]["CrowdRun"];
        cell.Plcc = double.NaN;
        cell.Note = "constant predictions";
        var pair = Assert.Single(Evaluate(ToolResult(), fresh).Pairs);
        Assert.Equal(GateVerdict.Regressed, pair.Verdict);
        var problem = Assert.Single(pair.CellProblems);
        Assert.Equal([Metric.Plcc], problem.Metrics);
        Assert.Contains("constant predictions", problem.Describe());
        Assert.DoesNotContain(pair.Checks, c => c.Metric == Metric.Plcc);
    }

    [Fact]
    public void Evaluate_IsNotComparable_WhenRecipesDiffer()
    {
        var fresh = ToolResult();
        fresh.Recipe!.Epochs = 60;
        fresh.Recipe.Fingerprint = "epochs=60;other";
        var pair = Assert.Single(Evaluate(ToolResult(), fresh).Pairs);
        Assert.Equal(GateVerdict.NotComparable, pair.Verdict);
        Assert.Contains("epochs 90 vs 60", pair.Reason);
    }

    [Fact]
    public void Evaluate_IsNotComparable_WhenCorpusSeedsOrFoldsDiffer()
    {
        var corpus = ToolResult();
        corpus.Corpus!.Sha256 = "00000000000000000000";
        Assert.Contains("sha256", Evaluate(ToolResult(), corpus).Pairs[0].Reason);

        var seeds = ToolResult();
        seeds.Seeds = [0, 1, 2, 3, 5];
        seeds.PerSeedPerFold["5"] = seeds.PerSeedPerFold["4"];
        seeds.PerSeedPerFold.Remove("4");
        Assert.Contains("seeds differ", Evaluate(ToolResult(), seeds).Pairs[0].Reason);

        var folds = ToolResult();
        folds.Sources.Remove("Tennis");
        var pair = Evaluate(ToolResult(), folds).Pairs[0];
        Assert.Equal(GateVerdict.NotComparable, pair.Verdict);
        Assert.Contains("only in baseline: [Tennis]", pair.Reason);
    }

    [Fact]
    public void Evaluate_ReportsMissingAndStale_WithTheirExitCodes()
    {
        var missing = Evaluate(null, ToolResult());
        Assert.Equal(GateVerdict.MissingBaseline, missing.Pairs[0].Verdict);
        Assert.Equal(ExitCodes.NotComparable, missing.ExitCode);

        var stale = Evaluate(ToolResult(), null);
        Assert.Equal(GateVerdict.StaleBaseline, stale.Pairs[0].Verdict);
        Assert.Equal(ExitCodes.Success, stale.ExitCode);
    }

    [Fact]
    public void Evaluate_AppliesHolmAcrossAllPairsOfTheReport()
    {
        var shifted = Shift(ToolResult(), null, "plcc", -5e-5);
        var single = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, ToolResult(), shifted)]);
        var both = new GateEvaluator(GatePolicy.Default).Evaluate([
            new GateEntry(TheCorpus, TheArch, ToolResult(), shifted),
            new GateEntry(TheCorpus, "mlp_large", ToolResult(), Shift(ToolResult(), null, "plcc", -5e-5)),
        ]);
        var p1 = single.Pairs[0].Checks.Single(c => c.Metric == Metric.Plcc);
        var p2 = both.Pairs.Single(p => p.Arch == TheArch).Checks.Single(c => c.Metric == Metric.Plcc);
        Assert.Equal(p1.PValue, p2.PValue);
        // 4 checks per pair, all other p = 1: the smallest of 4 (x4) vs of 8 (the two tied smallest: x8, x7 -> max).
        Assert.Equal(Math.Min(1, p1.PValue * 4), p1.AdjustedPValue, 12);
        Assert.Equal(Math.Min(1, p1.PValue * 8), p2.AdjustedPValue, 12);
    }

    [Fact]
    public void Evaluate_UsesOverrideKAndFloors_AndTheCommandLineKWins()
    {
        var policy = GatePolicy.Default with
        {
            Overrides = [new PolicyOverride(TheCorpus, TheArch, 10, new Dictionary<Metric, double> { [Metric.Rmse] = 0.5 })],
        };
        var pair = Evaluate(ToolResult(), ToolResult(), policy).Pairs[0];
        Assert.Equal(10, pair.K);
        Assert.Equal(0.5, pair.Checks.Single(c => c.Metric == Metric.Rmse).Band);
        Assert.Equal(2, Evaluate(ToolResult(), ToolResult(), policy, k: 2).Pairs[0].K);
    }

    [Fact]
    public void Evaluate_OrdersPairsWorstFirst()
    {
        var report = new GateEvaluator(GatePolicy.Default).Evaluate([
            new GateEntry("a", "pass", ToolResult(), ToolResult()),
            new GateEntry("a", "stale", ToolResult(), null),
            new GateEntry("a", "regressed", Shift(ToolResult(), "Tennis", "plcc", 0.01), ToolResult()),
            new GateEntry("a", "missing", null, ToolResult()),
        ]);
        Assert.Equal(["regressed", "missing", "stale", "pass"], report.Pairs.Select(p => p.Arch));
    }
}
