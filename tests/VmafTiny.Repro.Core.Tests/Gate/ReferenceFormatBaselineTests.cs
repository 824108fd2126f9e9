using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

/// <summary>
/// The reference's own result JSON (Fixtures/gate/python-reference-mlp_medium.json) as a baseline:
/// its SROCC ranked ties arbitrarily, so a fresh run's tie-averaged SROCC is not judged against it,
/// and every improved verdict names the metric behind it.
/// </summary>
public sealed class ReferenceFormatBaselineTests
{
    // The fresh run as this tool computes it: the same PLCC and RMSE, SROCC higher in every cell
    // (averaged tie ranks against the reference's arbitrary ones), as observed on a Netflix-shaped corpus.
    private static EvaluationResultPair SameModelTieAveragedSrocc(bool referenceBaseline)
    {
        var baseline = referenceBaseline ? PythonBaseline() : ToolResult(withKrocc: false);
        var fresh = Shift(ToolResult(withKrocc: false), null, "srocc", 0.0005);
        return new(baseline, fresh);
    }

    private sealed record EvaluationResultPair(Repro.Results.EvaluationResult Baseline, Repro.Results.EvaluationResult Fresh);

    private static PairResult Judge(EvaluationResultPair p) =>
        new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, p.Baseline, p.Fresh)]).Pairs[0];

    [Fact]
    public void ReferenceFormat_IsRecognised_ByMissingSchemaVersionAndProvenance()
    {
        Assert.True(ReferenceFormat.Is(PythonBaseline()));
        Assert.False(ReferenceFormat.Is(ToolResult()));
    }

    [Fact]
    public void Gate_DoesNotJudgeSrocc_AgainstAReferenceFormatBaseline_AndSaysWhy()
    {
        var pair = Judge(SameModelTieAveragedSrocc(referenceBaseline: true));

        Assert.Equal(GateVerdict.Pass, pair.Verdict);
        Assert.DoesNotContain(pair.Checks, c => c.Metric == Metric.Srocc);
        Assert.Contains(Metric.Srocc, pair.NotCompared);
        Assert.Equal(ReferenceFormat.SroccReason, pair.NotComparedReasons[Metric.Srocc]);
        Assert.Equal(
            "not compared: srocc (reference-format baseline: SROCC tie handling differs (arbitrary vs averaged ranks)); " +
            "not compared: krocc (undefined in some cell, or absent from the baseline)",
            VerdictText.NotCompared(pair));
    }

    [Fact]
    public void Gate_StillJudgesPlccAndRmse_AgainstAReferenceFormatBaseline()
    {
        var p = SameModelTieAveragedSrocc(referenceBaseline: true);
        Shift(p.Fresh, "Tennis", "plcc", -0.01);

        var pair = Judge(p);

        Assert.Equal(GateVerdict.Regressed, pair.Verdict);
        Assert.Equal(Metric.Plcc, Assert.Single(pair.RegressedChecks).Metric);
    }

    [Fact]
    public void Gate_JudgesSrocc_AgainstABaselineThisToolWrote_AndTheImprovedDetailNamesIt()
    {
        var pair = Judge(SameModelTieAveragedSrocc(referenceBaseline: false));

        Assert.Equal(GateVerdict.Improved, pair.Verdict);
        var srocc = Assert.Single(pair.Checks, c => c.ImprovedBeyondBand);
        Assert.Equal(Metric.Srocc, srocc.Metric);
        // band = 3 x the fixture's across-seed SROCC std (0.000109): the README quotes this line.
        Assert.Equal("improved: srocc +0.000500 beyond band ±0.000327; approve to keep the improvement", VerdictText.Improvement(pair));
    }

    [Fact]
    public void MarkdownAndDiagnostics_NameTheImprovedMetric()
    {
        var p = SameModelTieAveragedSrocc(referenceBaseline: false);
        var report = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, p.Baseline, p.Fresh, "baselines/x.json")]);

        var markdown = MarkdownReport.Render(report);
        var diagnostic = Assert.Single(GateDiagnostics.Diagnostics(report));

        Assert.Contains($"`{TheCorpus}/{TheArch}`: improved: srocc +0.000500 beyond band", markdown);
        Assert.Equal("VMR1006", diagnostic.Code);
        Assert.Contains("improved: srocc Δ +0.000500 beyond band", diagnostic.Message);
    }

    [Fact]
    public void JsonAndJUnitReports_GiveTheReferenceFormatReason_ForSrocc()
    {
        var p = SameModelTieAveragedSrocc(referenceBaseline: true);
        var report = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, p.Baseline, p.Fresh)]);

        var json = Newtonsoft.Json.Linq.JObject.Parse(JsonReport.Render(report));
        var pair = json["pairs"]![0]!;

        Assert.Equal(["srocc", "krocc"], pair["not_compared"]!.Select(t => (string)t!));
        Assert.Equal(ReferenceFormat.SroccReason, (string?)pair["not_compared_reasons"]!["srocc"]);
        Assert.Null(pair["not_compared_reasons"]!["krocc"]);
        Assert.Contains("not compared: srocc (reference-format baseline", JUnitReport.Render(report));
    }

    [Fact]
    public void MarkdownNotes_GiveTheReferenceFormatReason_ForSrocc()
    {
        var p = SameModelTieAveragedSrocc(referenceBaseline: true);
        var report = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, p.Baseline, p.Fresh)]);

        Assert.Contains("not compared: srocc (reference-format baseline: SROCC tie handling differs (arbitrary vs averaged ranks))", MarkdownReport.Render(report));
    }
}
