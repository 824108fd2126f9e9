using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Results;
using Xunit.Abstractions;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class CalibrationTests(ITestOutputHelper output)
{
    /// <summary>The fixture with its seeds renamed to 5..9 and a small deterministic noise: a rerun with other seeds.</summary>
    private static EvaluationResult Rerun(int noiseSeed, double amplitude = 5e-5)
    {
        var r = Noise(ToolResult(), amplitude, noiseSeed);
        r.Seeds = r.Seeds.Select(s => s + 5).ToList();
        r.PerSeedPerFold = r.PerSeedPerFold.ToDictionary(kv => (int.Parse(kv.Key) + 5).ToString(), kv => kv.Value);
        return r;
    }

    [Fact]
    public void Estimate_ComparesRerunsWithOtherSeedsByFold_AndFindsNoFalseAlarmsForPureNoise()
    {
        var result = Calibration.Estimate(ToolResult(), [Rerun(1), Rerun(2), Rerun(3)], GatePolicy.Default, TheCorpus, TheArch);
        Assert.Equal(3, result.Compared);
        Assert.Equal(0.0, result.FalseAlarmRate);
        Assert.All(result.Runs, r => Assert.Equal(GateVerdict.Pass, r.Verdict));
    }

    [Fact]
    public void Estimate_DetectableDropLiesBetweenTheFloorAndTheBand()
    {
        var result = Calibration.Estimate(ToolResult(), [Rerun(1), Rerun(2), Rerun(3)], GatePolicy.Default, TheCorpus, TheArch);
        // The fold-paired test fires once all 9 fold means drop and the drop exceeds the 1e-4 floor
        // (9 folds: exact p = 1/512, Holm x4 < 0.05); the band (3 x 7.7e-5 = 2.3e-4) is an upper bound.
        output.WriteLine($"median detectable PLCC drop: {result.MedianDetectablePlccDrop:R}; false alarms: {result.FalseAlarmRate}");
        Assert.InRange(result.MedianDetectablePlccDrop, 1e-4 - 1e-5, 2.4e-4);

        // Verify the bisection's answer: just below it the rerun passes, at it the rerun regresses.
        var evaluator = new GateEvaluator(GatePolicy.Default, pairing: Pairing.FoldMeans);
        var run = result.Runs[0];
        GateVerdict At(double d) => evaluator.Evaluate([new GateEntry(TheCorpus, TheArch, ToolResult(), Calibration.ShiftPlcc(Rerun(1), d))]).Pairs[0].Verdict;
        Assert.Equal(GateVerdict.Regressed, At(run.DetectablePlccDrop));
        Assert.NotEqual(GateVerdict.Regressed, At(run.DetectablePlccDrop * 0.99));
    }

    [Fact]
    public void Estimate_CountsARegressedRerunAsAFalseAlarmWithZeroDetectableDrop()
    {
        var bad = Shift(Rerun(4), null, "plcc", -2e-3);
        var result = Calibration.Estimate(ToolResult(), [Rerun(1), bad], GatePolicy.Default, TheCorpus, TheArch);
        Assert.Equal(0.5, result.FalseAlarmRate);
        Assert.Equal(0.0, result.Runs[1].DetectablePlccDrop);
    }

    [Fact]
    public void Estimate_LeavesNotComparableRerunsOutOfTheRate()
    {
        var other = Rerun(1);
        other.Recipe!.Fingerprint = "different";
        var result = Calibration.Estimate(ToolResult(), [other, Rerun(2)], GatePolicy.Default, TheCorpus, TheArch);
        Assert.Equal(1, result.Compared);
        Assert.Equal(GateVerdict.NotComparable, result.Runs[0].Verdict);
        Assert.True(double.IsNaN(result.Runs[0].DetectablePlccDrop));
    }

    [Fact]
    public void Estimate_WithCellPairing_PassesASameSeedRerunThatReproducesTheBaseline_AndFlagsADropJustAboveTheFloor()
    {
        var result = Calibration.Estimate(ToolResult(), [ToolResult(), ToolResult()], GatePolicy.Default, TheCorpus, TheArch, Pairing.Cells);

        Assert.Equal(2, result.Compared);
        Assert.Equal(0.0, result.FalseAlarmRate);
        Assert.Equal(0.0, result.MaxCellPlccDifference);
        // All 45 cells drop by δ: the cell-paired test fires (exact p = 2^-45) as soon as δ exceeds the 1e-4 floor.
        Assert.InRange(result.MedianDetectablePlccDrop, 1e-4, 1.0001e-4);
        var evaluator = new GateEvaluator(GatePolicy.Default, pairing: Pairing.Cells);
        var verdict = evaluator.Evaluate([new GateEntry(TheCorpus, TheArch, ToolResult(), Calibration.ShiftPlcc(ToolResult(), 3e-4))]).Pairs[0].Verdict;
        Assert.Equal(GateVerdict.Regressed, verdict);
    }

    [Fact]
    public void Estimate_WithCellPairing_ReportsTheLargestCellDifferenceOfAnImperfectRerun()
    {
        var rerun = ToolResult();
        rerun.PerSeedPerFold["3"]["Tennis"].Plcc += 2e-5;

        var result = Calibration.Estimate(ToolResult(), [rerun], GatePolicy.Default, TheCorpus, TheArch, Pairing.Cells);

        Assert.InRange(result.MaxCellPlccDifference, 1.9e-5, 2.1e-5);
        Assert.True(double.IsNaN(Calibration.Estimate(ToolResult(), [Rerun(1)], GatePolicy.Default, TheCorpus, TheArch).MaxCellPlccDifference));
    }

    [Fact]
    public void Estimate_WithCellPairing_DoesNotCompareARerunWithOtherSeeds()
    {
        var result = Calibration.Estimate(ToolResult(), [Rerun(1)], GatePolicy.Default, TheCorpus, TheArch, Pairing.Cells);

        Assert.Equal(0, result.Compared);
        Assert.Equal(GateVerdict.NotComparable, result.Runs[0].Verdict);
    }
}
