using System.Text.RegularExpressions;
using System.Xml.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using VmafTiny.Repro.Gate.Reports.Charts;
using VmafTiny.Repro.Reports.Html.Plots;

namespace VmafTiny.Repro.Reports.Html.Tests;

public sealed partial class ChartRenderingTests
{
    private static readonly Lazy<ChartSet> Set = new(() =>
    {
        var entries = ReportFixture.Entries();
        return ChartSet.Create(ChartData.Build(ReportFixture.Report(entries), entries));
    });

    private static Chart Find(string name) => Set.Value.All.Single(c => c.FileName == name);

    [Fact]
    public void ChartSet_HasFourKindsOfChart_OverviewPerCorpusAndMetric_AndThreePerPair()
    {
        var set = Set.Value;
        Assert.Equal(["netflix-synth--overview--plcc", "netflix-synth--overview--rmse", "konvid-synth--overview--plcc",
            "konvid-synth--overview--rmse", "old-corpus--overview--plcc", "old-corpus--overview--rmse"], set.Overviews.Select(c => c.FileName));
        Assert.Equal(7, set.Pairs.Count);
        Assert.All(set.Pairs, p => Assert.Equal(["folds", "seeds", "history"], p.Charts.Select(c => c.FileName.Split("--")[2])));
        Assert.Equal(set.All.Count(), set.All.Select(c => c.FileName).Distinct().Count());
    }

    [Fact]
    public void EveryChart_RendersAPngOfTheHouseSize_ThatIsNotBlank()
    {
        foreach (var chart in Set.Value.All)
        {
            var pixels = Pixels.Of(chart.Png());
            Assert.Equal((900, 480), (pixels.Width, pixels.Height));
            Assert.True(pixels.InkShare > 0.03, $"{chart.FileName}: only {pixels.InkShare:P1} of the image is drawn");
        }
    }

    [Fact]
    public void FoldChart_DrawsTheRegressedMark_OnlyForThePairWithARegressedFold()
    {
        var regressed = Pixels.Of(Find("netflix-synth--mlp_medium--folds").Png());
        var passing = Pixels.Of(Find("netflix-synth--mlp_small--folds").Png());

        Assert.True(regressed.Near("#A50026") > 20, "no regressed-fold cross drawn");
        Assert.Equal(0, passing.Near("#A50026"));
        Assert.True(passing.Near("#1B3A6B") > 100, "no baseline points drawn");
        Assert.True(passing.Near("#D55E00") > 100, "no fresh points drawn");
    }

    [Fact]
    public void FoldChart_Svg_NamesTheRegressedFold_AndTheLegend()
    {
        var texts = Texts(Find("netflix-synth--mlp_medium--folds").Svg());

        Assert.Contains("netflix-synth / mlp_medium: PLCC per fold", texts);
        Assert.Contains("(regressed)", texts);
        Assert.Contains("regressed fold", texts);
        Assert.Contains("baseline seeds", texts);
        Assert.Contains("fresh seeds", texts);
        Assert.DoesNotContain("(regressed)", Texts(Find("netflix-synth--mlp_small--folds").Svg()));
    }

    [Fact]
    public void SeedChart_Svg_DrawsTheFreshMeanAsDashes_AndTheBaselineMeanAsOneLine()
    {
        // Skia's SVG canvas drops line patterns; dashes are separate lines, so they survive in SVG.
        var svg = Find("netflix-synth--mlp_medium--seeds").Svg();
        var fresh = Regex.Matches(svg, "<path fill=\"none\" stroke=\"#D55E00\"").Count;
        var baseline = Regex.Matches(svg, "<path fill=\"none\" stroke=\"#1B3A6B\"").Count;

        Assert.True(fresh >= 40, $"fresh mean drawn with {fresh} strokes");
        Assert.InRange(baseline, 1, 2);
    }

    [Fact]
    public void AltTexts_SayTheFinding()
    {
        Assert.EndsWith("Regressed folds (beyond their band in the bad direction): FoxBird.", Find("netflix-synth--mlp_medium--folds").Alt);
        Assert.EndsWith("No bands: the pair was not compared.", Find("konvid-synth--mlp_small--folds").Alt);
        Assert.Contains("is outside it", Find("netflix-synth--mlp_medium--seeds").Alt);
        Assert.Contains("v1 PLCC", Find("netflix-synth--mlp_large--history").Alt);
    }

    [Theory]
    [InlineData("netflix-synth--mlp_medium--folds")]
    [InlineData("netflix-synth--mlp_medium--seeds")]
    [InlineData("netflix-synth--mlp_large--history")]
    [InlineData("netflix-synth--overview--rmse")]
    public void Svg_TextsMatchSnapshot(string name) =>
        // Coordinates and tick values depend on font metrics: the words of the chart are the snapshot.
        Snapshot.Match(string.Join("\n", Texts(Find(name).Svg()).Where(t => !Number().IsMatch(t))), SnapshotNameExtension.Create(name));

    /// <summary>The text content of every &lt;text&gt; element, in document order.</summary>
    internal static List<string> Texts(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

    [GeneratedRegex(@"^[-+]?[0-9.,]+(e[-+]?\d+)?$")]
    private static partial Regex Number();
}
