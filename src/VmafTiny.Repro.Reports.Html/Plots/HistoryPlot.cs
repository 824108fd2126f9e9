using System.Globalization;
using ScottPlot;
using VmafTiny.Repro.Gate.Reports.Charts;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>
/// History chart: the headline PLCC (left axis, solid, circles) and RMSE (right axis, dashed,
/// squares) of every approved version, ± std over seeds, with the fresh value as the last point
/// (open markers).
/// </summary>
internal static class HistoryPlot
{
    public static Plot Create(HistoryChart chart)
    {
        var plot = ChartStyle.NewPlot($"{chart.Corpus} / {chart.Arch}: approved versions and the fresh run", "version", "PLCC (mean ± std over seeds)");
        plot.Axes.Right.Label.Text = "RMSE (mean ± std over seeds)";
        plot.Axes.Right.Label.FontSize = 13;
        var pts = chart.Points;
        var xs = Enumerable.Range(0, pts.Count).Select(i => (double)i).ToArray();

        Series(plot, xs, pts.Select(p => p.Plcc).ToArray(), pts.Select(p => p.PlccStd).ToArray(), pts.Select(p => p.IsFresh).ToArray(),
            ChartStyle.Baseline, false, MarkerShape.FilledCircle, MarkerShape.OpenCircle, "PLCC", plot.Axes.Left);
        // RMSE a little to the right, so that equal-looking points of the two axes do not hide each other.
        Series(plot, xs.Select(x => x + 0.04).ToArray(), pts.Select(p => p.Rmse).ToArray(), pts.Select(p => p.RmseStd).ToArray(), pts.Select(p => p.IsFresh).ToArray(),
            ChartStyle.Fresh, true, MarkerShape.FilledSquare, MarkerShape.OpenSquare, "RMSE (right axis)", plot.Axes.Right);

        ChartStyle.Categories(plot, pts.Select(Label).ToList());
        ChartStyle.Legend(plot);
        return plot;
    }

    private static string Label(HistoryPoint p) =>
        p.ApprovedUtc is { } when ? $"{p.Label}\n{when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : p.Label;

    private static void Series(Plot plot, double[] xs, double[] ys, double[] std, bool[] fresh, Color color, bool dashed,
        MarkerShape approvedShape, MarkerShape freshShape, string name, IYAxis axis)
    {
        ChartStyle.Polyline(plot, xs, ys, color, 2, dashed, null, axis);
        var errors = plot.Add.ErrorBar(xs, ys, std);
        errors.Color = color;
        errors.Axes.YAxis = axis;
        var approved = Enumerable.Range(0, xs.Length).Where(i => !fresh[i]).ToList();
        var current = Enumerable.Range(0, xs.Length).Where(i => fresh[i]).ToList();
        if (approved.Count > 0)
        {
            var m = plot.Add.Markers(approved.Select(i => xs[i]).ToArray(), approved.Select(i => ys[i]).ToArray(), approvedShape, 9, color);
            m.LegendText = $"{name}, approved";
            m.Axes.YAxis = axis;
        }
        if (current.Count > 0)
        {
            var m = plot.Add.Markers(current.Select(i => xs[i]).ToArray(), current.Select(i => ys[i]).ToArray(), freshShape, 12, color);
            m.MarkerLineWidth = 2;
            m.LegendText = $"{name}, fresh";
            m.Axes.YAxis = axis;
        }
    }
}
