using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Baselines;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class PythonBaselineTests
{
    [Fact]
    public void PythonReferenceFile_IsReadAsABaseline_AndPassesAgainstTheSameNumbers()
    {
        var dir = Directory.CreateTempSubdirectory("vmr-py-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, TheCorpus));
            File.Copy(FixturePath("python-reference-mlp_medium.json"), Path.Combine(dir.FullName, TheCorpus, TheArch + ".json"));
            var baseline = new BaselineStore(dir.FullName).TryReadBaseline(TheCorpus, TheArch);
            Assert.NotNull(baseline);
            Assert.Null(baseline.SchemaVersion);
            Assert.Null(baseline.Recipe);

            var pair = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, baseline, ToolResult(withKrocc: true))]).Pairs[0];
            Assert.Equal(GateVerdict.Pass, pair.Verdict);
            // KROCC only when both sides have it: the Python file has none. SROCC is not judged
            // against a reference-format baseline (arbitrary tie ranks; ReferenceFormatBaselineTests).
            Assert.Equal([Metric.Plcc, Metric.Rmse], pair.Checks.Select(c => c.Metric));
            Assert.Equal([Metric.Srocc, Metric.Krocc], pair.NotCompared);
            Assert.Equal(0.9986568828888889, pair.Checks[0].BaselineMean, 12);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void PythonReferenceFile_IsComparedFromCells_NotFromItsStoredAggregates()
    {
        var baseline = PythonBaseline();
        baseline.Overall.MeanPlcc = 0.5; // hand-edited, inconsistent
        var pair = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, baseline, ToolResult())]).Pairs[0];
        Assert.Equal(GateVerdict.Pass, pair.Verdict);
    }

    [Fact]
    public void PythonReferenceFile_FlagsARegressedFold()
    {
        var fresh = Shift(ToolResult(), "CrowdRun", "rmse", 0.5);
        var pair = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, PythonBaseline(), fresh)]).Pairs[0];
        Assert.Equal(GateVerdict.Regressed, pair.Verdict);
        var rmse = Assert.Single(pair.Checks, c => c.Regressed);
        Assert.Equal(Metric.Rmse, rmse.Metric);
        Assert.Equal("CrowdRun", rmse.DrivingFolds[0].Fold);
    }

    [Fact]
    public void PythonReferenceFile_IsNotComparable_WhenFreshRecipeDiffersInEpochs()
    {
        var fresh = ToolResult();
        fresh.Epochs = 30;
        var pair = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, PythonBaseline(), fresh)]).Pairs[0];
        Assert.Equal(GateVerdict.NotComparable, pair.Verdict);
        Assert.Contains("epochs 90 vs 30", pair.Reason);
    }
}
