using ScottPlot;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports.Charts;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>
/// The architecture ladder of one corpus: mean ± std over seeds of one metric per architecture,
/// baseline (filled circles, left) and fresh (open triangles, right).
/// </summary>
internal static class OverviewPlot
{
    public static Plot Create(OverviewChart chart)
    {
        var metric = chart.Metric.Key().ToUpperInvariant();
        var better = chart.Metric.HigherIsBetter() ? "higher is better" : "lower is better";
        var plot = ChartStyle.NewPlot($"{chart.Corpus}: {metric} per architecture", "architecture", $"{metric} (mean ± std over seeds; {better})");
        var a = chart.Archs;
        Side(plot, a, -0.12, x => x.BaselineMean, x => x.BaselineStd, ChartStyle.Baseline, ChartStyle.BaselineMarker, 9, "baseline");
        Side(plot, a, +0.12, x => x.FreshMean, x => x.FreshStd, ChartStyle.Fresh, ChartStyle.FreshMarker, 11, "fresh");
        ChartStyle.Categories(plot, a.Select(x => x.Arch).ToList());
        ChartStyle.Legend(plot);
        return plot;
    }

    private static void Side(Plot plot, IReadOnlyList<ArchSummary> archs, double offset, Func<ArchSummary, double> mean,
        Func<ArchSummary, double> std, Color color, MarkerShape shape, float size, string legend)
    {
        var idx = Enumerable.Range(0, archs.Count).Where(i => double.IsFinite(mean(archs[i]))).ToList();
        if (idx.Count == 0) return;
        var xs = idx.Select(i => i + offset).ToArray();
        var ys = idx.Select(i => mean(archs[i])).ToArray();
        var errors = plot.Add.ErrorBar(xs, ys, idx.Select(i => double.IsFinite(std(archs[i])) ? std(archs[i]) : 0).ToArray());
        errors.Color = color;
        errors.LineWidth = 2;
        var m = plot.Add.Markers(xs, ys, shape, size, color);
        m.MarkerLineWidth = 2;
        m.LegendText = legend;
    }
}
