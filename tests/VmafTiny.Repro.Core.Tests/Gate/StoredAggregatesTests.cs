using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports;
using VmafTiny.Repro.Results;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

/// <summary>A baseline whose stored aggregates say something its cells do not: warning VMR1008, same verdict.</summary>
public sealed class StoredAggregatesTests
{
    private const string Path = "baselines/netflix-synth/mlp_medium.json";

    private static PairResult Judge(EvaluationResult baseline) =>
        Assert.Single(new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, baseline, ToolResult(), Path)]).Pairs);

    [Fact]
    public void Disagreements_AreNone_ForThePythonReferenceFile_AndAToolResult()
    {
        // numpy's sums differ from ours in the last bits only: not a disagreement.
        Assert.Empty(StoredAggregates.Disagreements(PythonBaseline()));
        var tool = ToolResult();
        Aggregator.Recompute(tool);
        Assert.Empty(StoredAggregates.Disagreements(tool));
    }

    [Fact]
    public void HandSetOverallPlcc_IsAWarningNamingFileAndField_AndChangesNoVerdict()
    {
        var edited = ToolResult();
        var honest = Judge(ToolResult());
        edited.Overall.MeanPlcc = 0.99999;

        var pair = Judge(edited);

        Assert.Equal(honest.Verdict, pair.Verdict);
        Assert.Equal(honest.Checks.Select(c => c.BaselineMean), pair.Checks.Select(c => c.BaselineMean));
        var field = Assert.Single(pair.StoredAggregateDisagreements);
        Assert.StartsWith("overall.mean_plcc = 0.99999 (the cells give 0.", field, StringComparison.Ordinal);
        var report = new GateReport { Pairs = [pair], Alpha = 0.05 };
        var d = Assert.Single(GateDiagnostics.Diagnostics(report), x => x.Code == "VMR1008");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.StartsWith($"{Path}(1,1): warning VMR1008: netflix-synth/mlp_medium: the baseline's stored aggregates disagree with its cells: overall.mean_plcc = 0.99999", d.ToCanonical(warnOnly: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Disagreements_NameEachStoredSection()
    {
        var r = ToolResult();
        Aggregator.Recompute(r);
        r.PerSeedAggregate["3"].MeanRmse += 0.5;
        r.PerFoldAggregate["Tennis"].StdSrocc = 0.25;
        r.Overall.StdKrocc = 1;

        var found = StoredAggregates.Disagreements(r);

        Assert.Equal(3, found.Count);
        Assert.Contains(found, f => f.StartsWith("overall.std_krocc = 1 ", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("per_seed_aggregate.3.mean_rmse = ", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("per_fold_aggregate.Tennis.std_srocc = 0.25 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Disagreements_AreNotChecked_WhenACellIsMissing()
    {
        var r = ToolResult();
        r.Overall.MeanPlcc = 0.5;
        r.PerSeedPerFold["0"].Remove("Tennis");

        Assert.Empty(StoredAggregates.Disagreements(r));
    }
}
