using System.Text.RegularExpressions;
using Snapshooter.Xunit;
using VmafTiny.Repro.Gate;

namespace VmafTiny.Repro.Reports.Html.Tests;

public sealed partial class HtmlReportTests
{
    private static readonly Lazy<string> Page = new(() =>
    {
        var entries = ReportFixture.Entries();
        return HtmlReport.Render(ReportFixture.Report(entries), entries);
    });

    [Fact]
    public void Html_IsSelfContained_NoScriptNoStylesheetLinkNoExternalReference()
    {
        var html = Page.Value;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Src().Matches(html));
        Assert.All(Href().Matches(html), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
        Assert.All(Url().Matches(html), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HasOneInlineSvgPerChart_EachNamedByItsAltText()
    {
        var html = Page.Value;
        var svgs = SvgOpen().Matches(html);

        Assert.Equal(6 + 7 * 3, svgs.Count);
        foreach (Match svg in svgs)
        {
            Assert.Contains("role=\"img\"", svg.Value, StringComparison.Ordinal);
            var label = AriaLabelledBy().Match(svg.Value).Groups[1].Value;
            Assert.Matches($"<title id=\"{Regex.Escape(label)}\">[^<]{{40,}}</title>", html);
        }
    }

    [Fact]
    public void Html_IdsAreUniqueOnThePage_EvenThoughEverySvgNamesItsClipPathsAlike()
    {
        var ids = IdAttribute().Matches(Page.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (Match m in Url().Matches(Page.Value)) Assert.Contains(m.Groups[1].Value[1..], ids);
    }

    [Fact]
    public void Html_VerdictTableComesFirst_WithEveryPairWorstFirst_AndASectionPerPair()
    {
        var html = Page.Value;
        var table = html.IndexOf("<table class=\"verdicts\">", StringComparison.Ordinal);
        Assert.True(table > 0 && table < html.IndexOf("<figure>", StringComparison.Ordinal));
        var rows = VerdictRow().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["regressed", "regressed", "not_comparable", "missing_baseline", "improved", "stale_baseline", "pass"], rows);
        Assert.Contains("<section class=\"pair\" id=\"pair-netflix-synth--mlp_medium\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#pair-netflix-synth--mlp_medium\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_MarksTheRegressedFold_InItsTableInWordsNotOnlyColour()
    {
        var html = Page.Value;
        Assert.Matches("<tr class=\"marked\"><th scope=\"row\">FoxBird</th>.*?✖ regressed</td></tr>", html);
        Assert.Single(Regex.Matches(html, "<tr class=\"marked\">"));
    }

    [Fact]
    public void Html_HeadlineFollowsTheExitCode()
    {
        Assert.Contains("<h1>vmaf-repro gate: ✖ regression</h1>", Page.Value, StringComparison.Ordinal);
        var entries = ReportFixture.Entries().Where(e => e.Arch == "mlp_small" && e.Corpus == "netflix-synth").ToList();
        var html = HtmlReport.Render(ReportFixture.Report(entries), entries);
        Assert.Contains("<h1>vmaf-repro gate: ✔ pass</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_MatchesSnapshot_WithChartDrawingsScrubbed() =>
        // The drawings are covered by ChartRenderingTests; here each one keeps its accessible name.
        Snapshot.Match(SvgBody().Replace(Page.Value, "<svg$1>$2…</svg>"));

    [GeneratedRegex("\\ssrc=", RegexOptions.IgnoreCase)]
    private static partial Regex Src();

    [GeneratedRegex("\\shref=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"url\(([^)]*)\)")]
    private static partial Regex Url();

    [GeneratedRegex("<svg\\b[^>]*>")]
    private static partial Regex SvgOpen();

    [GeneratedRegex("aria-labelledby=\"([^\"]+)\"")]
    private static partial Regex AriaLabelledBy();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("<tr class=\"([a-z_]+)\"><td>")]
    private static partial Regex VerdictRow();

    [GeneratedRegex("<svg\\b([^>]*)>(<title[^>]*>[^<]*</title>).*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgBody();
}
