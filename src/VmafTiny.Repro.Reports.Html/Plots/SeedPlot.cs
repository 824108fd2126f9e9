using System.Globalization;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports.Charts;
using ScottPlot;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>
/// Seed chart: each seed's overall value (mean over folds) on both sides, the baseline mean (solid)
/// with the gate's band around it (grey) and the fresh mean (dashed).
/// </summary>
internal static class SeedPlot
{
    public static Plot Create(SeedChart chart)
    {
        var metric = chart.Metric.Key().ToUpperInvariant();
        var plot = ChartStyle.NewPlot($"{chart.Corpus} / {chart.Arch}: overall {metric} per seed", "seed", $"{metric} (mean over folds)");
        if (chart.Band is { } band)
        {
            var span = plot.Add.VerticalSpan(band.Low, band.High);
            span.FillColor = ChartStyle.Band;
            span.LineColor = ChartStyle.BandEdge;
            span.LineWidth = 1;
            span.LegendText = $"band: baseline mean ± max({chart.K.ToString("0.##", CultureInfo.InvariantCulture)}·seed std, floor)";
        }
        var n = chart.Seeds.Count;
        if (double.IsFinite(chart.BaselineMean))
            ChartStyle.Segment(plot, -0.5, n - 0.5, chart.BaselineMean, ChartStyle.Baseline, dashed: false, "baseline mean (solid)");
        if (double.IsFinite(chart.FreshMean))
            ChartStyle.Segment(plot, -0.5, n - 0.5, chart.FreshMean, ChartStyle.Fresh, dashed: true, "fresh mean (dashed)");
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToList();
        ChartStyle.Points(plot, xs.Select(x => x - 0.1).ToList(), chart.Seeds.Select(s => s.Baseline).ToList(), ChartStyle.BaselineMarker, ChartStyle.Baseline, 9, "baseline seed");
        ChartStyle.Points(plot, xs.Select(x => x + 0.1).ToList(), chart.Seeds.Select(s => s.Fresh).ToList(), ChartStyle.FreshMarker, ChartStyle.Fresh, 11, "fresh seed");
        ChartStyle.Categories(plot, chart.Seeds.Select(s => s.Seed).ToList());
        ChartStyle.Legend(plot);
        return plot;
    }
}
