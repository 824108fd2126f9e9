using Snapshooter.Xunit;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class ReportSnapshotTests
{
    /// <summary>One pair of every verdict, from the fixed fixture; relative paths only.</summary>
    private static GateReport Report()
    {
        static string B(string corpus, string arch) => $"baselines/{corpus}/{arch}.json";
        var diverged = ToolResult();
        diverged.PerSeedPerFold["2"]["Seeking"].Diverged = true;
        diverged.PerSeedPerFold["2"]["Seeking"].Plcc = double.NaN;
        diverged.PerSeedPerFold["2"]["Seeking"].Note = "constant predictions";
        var otherRecipe = ToolResult();
        otherRecipe.Recipe!.Lr = 0.01;
        otherRecipe.Recipe.Fingerprint = "lr=0.01";
        var entries = new[]
        {
            new GateEntry("netflix-synth", "mlp_small", ToolResult(), ToolResult(), B("netflix-synth", "mlp_small")),
            new GateEntry("netflix-synth", "mlp_medium", Shift(ToolResult(), "FoxBird", "plcc", 0.01), ToolResult(), B("netflix-synth", "mlp_medium")),
            new GateEntry("netflix-synth", "mlp_large", ToolResult(), Shift(ToolResult(), null, "rmse", -0.2), B("netflix-synth", "mlp_large")),
            new GateEntry("konvid-synth", "mlp_small", ToolResult(), otherRecipe, B("konvid-synth", "mlp_small")),
            new GateEntry("konvid-synth", "mlp_medium", null, ToolResult(), B("konvid-synth", "mlp_medium")),
            new GateEntry("konvid-synth", "mlp_large", ToolResult(), diverged, B("konvid-synth", "mlp_large")),
            new GateEntry("old-corpus", "mlp_small", ToolResult(), null, B("old-corpus", "mlp_small")),
        };
        return new GateEvaluator(GatePolicy.Default).Evaluate(entries, ["baselines/gone/mlp_tiny.received.json"]);
    }

    [Fact]
    public void Markdown_MatchesSnapshot() => Snapshot.Match(MarkdownReport.Render(Report()));

    [Fact]
    public void Markdown_LinksEveryPlot_OverviewsFirstThenPairsInReportOrder()
    {
        PlotLink[] plots =
        [
            new("netflix-synth", "mlp_medium", "per fold", "plots/netflix-synth--mlp_medium--folds.png"),
            new("netflix-synth", null, "plcc", "plots/netflix-synth--overview--plcc.png"),
            new("netflix-synth", "mlp_small", "history", "my plots/netflix-synth--mlp_small--history.png"),
        ];
        var md = MarkdownReport.Render(Report(), plots);

        var section = md[md.IndexOf("### Plots", StringComparison.Ordinal)..];
        Assert.Equal(
            "### Plots\n\n" +
            "- `netflix-synth`: [plcc](plots/netflix-synth--overview--plcc.png)\n" +
            "- `netflix-synth/mlp_medium`: [per fold](plots/netflix-synth--mlp_medium--folds.png)\n" +
            "- `netflix-synth/mlp_small`: [history](my%20plots/netflix-synth--mlp_small--history.png)\n", section);
        Assert.Equal(MarkdownReport.Render(Report()), md[..md.IndexOf("\n### Plots", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Json_MatchesSnapshot() => Snapshot.Match(JsonReport.Render(Report()));

    [Fact]
    public void JUnit_MatchesSnapshot() => Snapshot.Match(JUnitReport.Render(Report()));

    [Fact]
    public void CanonicalDiagnostics_MatchSnapshot() =>
        Snapshot.Match(string.Join("\n", GateDiagnostics.Diagnostics(Report()).Select(d => d.ToCanonical(warnOnly: false))));

    [Fact]
    public void Diagnostics_CoverEveryVerdictWithItsCode()
    {
        var codes = GateDiagnostics.Diagnostics(Report()).Select(d => d.Code).Distinct().Order().ToList();
        Assert.Equal(["VMR1001", "VMR1002", "VMR1003", "VMR1004", "VMR1005", "VMR1006", "VMR1007", "VMR1008"], codes); // VMR1008: mlp_medium's baseline cells were shifted, its stored aggregates not
    }

    [Fact]
    public void ToCanonical_TurnsErrorsIntoWarnings_WhenWarnOnly()
    {
        var d = new GateDiagnostic(DiagnosticSeverity.Error, "VMR1001", "baselines/c/a.json", "c/a regressed");
        Assert.Equal("baselines/c/a.json(1,1): error VMR1001: c/a regressed", d.ToCanonical(false));
        Assert.Equal("baselines/c/a.json(1,1): warning VMR1001: c/a regressed", d.ToCanonical(true));
    }

    [Fact]
    public void JUnit_HasOneTestCasePerPairWithTheRightChild()
    {
        var xml = System.Xml.Linq.XDocument.Parse(JUnitReport.Render(Report()));
        var cases = xml.Root!.Elements("testcase").ToList();
        Assert.Equal(7, cases.Count);
        string? Child(string corpus, string arch) => cases.Single(c => (string?)c.Attribute("classname") == $"vmaf-repro.{corpus}" && (string?)c.Attribute("name") == arch)
            .Elements().Single().Name.LocalName;
        Assert.Equal("failure", Child("netflix-synth", "mlp_medium"));
        Assert.Equal("error", Child("konvid-synth", "mlp_small"));
        Assert.Equal("error", Child("konvid-synth", "mlp_medium"));
        Assert.Equal("skipped", Child("old-corpus", "mlp_small"));
        Assert.Equal("system-out", Child("netflix-synth", "mlp_large"));
        Assert.Equal("system-out", Child("netflix-synth", "mlp_small"));
    }
}
