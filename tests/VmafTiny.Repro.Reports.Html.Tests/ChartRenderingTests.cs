using VmafTiny.Repro.Gate.Reports.Charts;
using VmafTiny.Repro.Reports.Html.Plots;

namespace VmafTiny.Repro.Reports.Html.Tests;

public sealed class ChartRenderingTests
{
    private static ChartSet Charts()
    {
        var entries = ReportFixture.Entries();
        return ChartSet.Create(ChartData.Build(ReportFixture.Report(entries), entries));
    }

    [Fact]
    public void DumpForLooking()
    {
        var dir = Environment.GetEnvironmentVariable("VMR_CHART_DUMP");
        if (dir is null) return;
        Directory.CreateDirectory(dir);
        foreach (var c in Charts().All)
        {
            File.WriteAllBytes(Path.Combine(dir, c.FileName + ".png"), c.Png());
            File.WriteAllText(Path.Combine(dir, c.FileName + ".svg"), c.Svg());
        }
        var entries = ReportFixture.Entries();
        File.WriteAllText(Path.Combine(dir, "gate.html"), HtmlReport.Render(ReportFixture.Report(entries), entries));
    }
}
