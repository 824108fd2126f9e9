using ScottPlot;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports.Charts;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>
/// Per-fold chart: one column per fold with the band (grey box), the baseline's seeds
/// (filled circles, left) and mean (solid), the fresh seeds (open triangles, right) and mean
/// (dashed); a regressed fold gets a large cross above its column and "(regressed)" in its label.
/// </summary>
internal static class FoldPlot
{
    public static Plot Create(FoldChart chart)
    {
        var metric = chart.Metric.Key().ToUpperInvariant();
        var plot = ChartStyle.NewPlot($"{chart.Corpus} / {chart.Arch}: {metric} per fold", "fold (held out)", metric);
        var first = (band: true, bMean: true, fMean: true, bSeeds: true, fSeeds: true, marked: true);
        for (var i = 0; i < chart.Folds.Count; i++)
        {
            var f = chart.Folds[i];
            if (f.Band is { } band)
            {
                var r = plot.Add.Rectangle(i - 0.42, i + 0.42, band.Low, band.High);
                r.FillColor = ChartStyle.Band;
                r.LineColor = ChartStyle.BandEdge;
                r.LineWidth = 1;
                if (first.band) r.LegendText = "band: baseline fold mean ± max(k·fold std, floor)";
                first.band = false;
            }
            if (double.IsFinite(f.BaselineMean))
            {
                ChartStyle.Segment(plot, i - 0.42, i + 0.02, f.BaselineMean, ChartStyle.Baseline, dashed: false, first.bMean ? "baseline mean (solid)" : null);
                first.bMean = false;
            }
            if (double.IsFinite(f.FreshMean))
            {
                ChartStyle.Segment(plot, i - 0.02, i + 0.42, f.FreshMean, ChartStyle.Fresh, dashed: true, first.fMean ? "fresh mean (dashed)" : null);
                first.fMean = false;
            }
            if (f.BaselineSeeds.Count > 0)
            {
                ChartStyle.Points(plot, Spread(i - 0.2, f.BaselineSeeds.Count), f.BaselineSeeds, ChartStyle.BaselineMarker, ChartStyle.Baseline, 7, first.bSeeds ? "baseline seeds" : null);
                first.bSeeds = false;
            }
            if (f.FreshSeeds.Count > 0)
            {
                ChartStyle.Points(plot, Spread(i + 0.2, f.FreshSeeds.Count), f.FreshSeeds, ChartStyle.FreshMarker, ChartStyle.Fresh, 9, first.fSeeds ? "fresh seeds" : null);
                first.fSeeds = false;
            }
        }

        ChartStyle.Categories(plot, chart.Folds.Select(f => f.Marked ? $"{f.Fold}\n(regressed)" : f.Fold).ToList());
        var marked = chart.Folds.Select((f, i) => (f, i)).Where(x => x.f.Marked).ToList();
        if (marked.Count > 0)
        {
            // Above the highest value of the column, so the cross never hides a seed.
            var top = chart.Folds.SelectMany(f => f.BaselineSeeds.Concat(f.FreshSeeds).Append(f.Band?.High ?? double.NaN)).Where(double.IsFinite).DefaultIfEmpty(0).Max();
            var bottom = chart.Folds.SelectMany(f => f.BaselineSeeds.Concat(f.FreshSeeds).Append(f.Band?.Low ?? double.NaN)).Where(double.IsFinite).DefaultIfEmpty(0).Min();
            var y = top + (top - bottom) * 0.08;
            ChartStyle.Points(plot, marked.Select(m => (double)m.i).ToList(), marked.Select(_ => y).ToList(), ChartStyle.MarkedMarker, ChartStyle.Marked, 16, "regressed fold");
        }
        ChartStyle.Legend(plot);
        return plot;
    }

    /// <summary>x positions for n seeds around <paramref name="center"/>, so equal values stay visible.</summary>
    private static double[] Spread(double center, int n) =>
        Enumerable.Range(0, n).Select(k => n == 1 ? center : center - 0.09 + 0.18 * k / (n - 1)).ToArray();
}
