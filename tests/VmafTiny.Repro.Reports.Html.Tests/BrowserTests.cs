namespace VmafTiny.Repro.Reports.Html.Tests;

/// <summary>
/// The HTML report in a real browser (headless chromium): it renders, the charts are drawn, and
/// the page says nothing on its console (no blocked resource, no error). Slow (~10 s a run):
/// the fast loop skips it with --filter Category!=Slow.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vmr-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteReport()
    {
        var entries = ReportFixture.Entries();
        var file = Path.Combine(_dir, "gate.html");
        File.WriteAllText(file, HtmlReport.Render(ReportFixture.Report(entries), entries));
        return file;
    }

    private static void RequireChromium() =>
        Assert.True(Chromium.Find() is not null, $"chromium is required for this test (CI is set); {Chromium.InstallHint}");

    [ChromiumFact]
    public void Report_RendersInChromium_WithChartsDrawn_AndNoConsoleMessages()
    {
        RequireChromium();
        var shot = Path.Combine(_dir, "shot.png");

        var run = Chromium.Open(WriteReport(), $"--screenshot={shot}", _dir);

        Assert.True(run.ExitCode == 0 && File.Exists(shot), run.ToString());
        Assert.Empty(run.Console);
        var pixels = Pixels.Of(File.ReadAllBytes(shot));
        Assert.Equal((1200, 3000), (pixels.Width, pixels.Height));
        Assert.True(pixels.InkShare > 0.05, $"the page looks blank: {pixels.InkShare:P1} drawn\n{run}");
        // The first screen holds the verdict table and the first overview charts: their baseline
        // (dark blue) and fresh (orange) markers only come from the inline SVG.
        Assert.True(pixels.Near("#1B3A6B") > 200, "no baseline marks drawn: the SVG charts did not render");
        Assert.True(pixels.Near("#D55E00") > 200, "no fresh marks drawn: the SVG charts did not render");
    }

    [ChromiumFact]
    public void Report_DomInChromium_HasEveryChartAsAnSvgElement()
    {
        RequireChromium();
        var run = Chromium.Open(WriteReport(), "--dump-dom", _dir);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(6 + 7 * 3, CountOf(run.StdOut, "<svg "));
        Assert.Equal(6 + 7 * 3, CountOf(run.StdOut, "<figcaption>"));
        Assert.Contains("<h1>vmaf-repro gate: ✖ regression</h1>", run.StdOut, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void ConsoleCheck_SeesABlockedResourceAndAScriptError_SoItCanFail()
    {
        RequireChromium();
        // The same policy as the report: an external image is blocked, and an inline script is refused.
        var page = Path.Combine(_dir, "bad.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"></head>" +
            "<body><img src=\"https://example.invalid/x.png\" alt=\"x\"><script>console.error('boom')</script></body></html>");

        var run = Chromium.Open(page, $"--screenshot={Path.Combine(_dir, "bad.png")}", _dir);

        Assert.NotEmpty(run.Console);
    }

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
