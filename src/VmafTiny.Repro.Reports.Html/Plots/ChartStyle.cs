using ScottPlot;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>
/// One look for every chart. Baseline and fresh differ in marker shape, fill and line pattern as
/// well as colour (dark blue, solid, filled circles vs orange, dashed, open triangles), so the
/// charts read in grey and for colour-blind readers; regressed folds carry a large cross and the
/// word "regressed" in their axis label.
/// </summary>
/// <remarks>
/// Dashes are drawn as separate short lines, never with a line pattern: Skia's SVG canvas does not
/// support path effects (it drops the dashes and prints "Unsupported path effect in addPaint." on
/// standard output, into the CLI's output).
/// </remarks>
internal static class ChartStyle
{
    public const int Width = 900;
    public const int Height = 480;
    public const string FontName = "DejaVu Sans";

    public static readonly Color Baseline = Color.FromHex("#1B3A6B");
    public static readonly Color Fresh = Color.FromHex("#D55E00");
    public static readonly Color Band = Color.FromHex("#7F7F7F").WithAlpha(0.22);
    public static readonly Color BandEdge = Color.FromHex("#5F5F5F");
    public static readonly Color Marked = Color.FromHex("#A50026");

    public const MarkerShape BaselineMarker = MarkerShape.FilledCircle;
    public const MarkerShape FreshMarker = MarkerShape.OpenTriangleUp;
    public const MarkerShape MarkedMarker = MarkerShape.Eks;

    /// <summary>A plot with the house font, title and axis labels.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 16);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        return plot;
    }

    /// <summary>Category labels on the bottom axis at 0, 1, 2, ...; rotated when there are many.</summary>
    public static void Categories(Plot plot, IReadOnlyList<string> labels)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = labels.Count > 6 ? 11 : 12;
        plot.Axes.SetLimitsX(-0.6, labels.Count - 0.4);
    }

    public static void Legend(Plot plot)
    {
        var panel = plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 12;
    }

    /// <summary>A horizontal segment (a mean) from <paramref name="x1"/> to <paramref name="x2"/>, solid or dashed.</summary>
    public static void Segment(Plot plot, double x1, double x2, double y, Color color, bool dashed, string? legend) =>
        Polyline(plot, [x1, x2], [y, y], color, 2.5f, dashed, legend, null);

    /// <summary>
    /// A line through the points, solid or dashed (dashes of about 1/80 of the x range, as separate
    /// lines: see the remarks of the class), on <paramref name="axis"/> (the left one when null).
    /// </summary>
    public static void Polyline(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, Color color, float width, bool dashed, string? legend, IYAxis? axis)
    {
        var range = Math.Max(xs.Max() - xs.Min(), 1e-12);
        var legendSet = false;
        for (var i = 0; i + 1 < xs.Count; i++)
        {
            var n = dashed ? Math.Max(2, (int)Math.Round(80 * Math.Abs(xs[i + 1] - xs[i]) / Math.Max(range, 8))) : 1;
            for (var k = 0; k < n; k++)
            {
                double At(IReadOnlyList<double> v, double t) => v[i] + (v[i + 1] - v[i]) * t;
                var (t0, t1) = dashed ? (k / (double)n, (k + 0.55) / n) : (0.0, 1.0);
                var line = plot.Add.Line(At(xs, t0), At(ys, t0), At(xs, t1), At(ys, t1));
                line.LineColor = color;
                line.LineWidth = width;
                line.MarkerShape = MarkerShape.None;
                if (axis is not null) line.Axes.YAxis = axis;
                if (legend is not null && !legendSet) line.LegendText = legend;
                legendSet = true;
            }
        }
    }

    /// <summary>Markers at (x, each y) of one series.</summary>
    public static void Points(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, MarkerShape shape, Color color, float size, string? legend)
    {
        var finite = xs.Zip(ys).Where(p => double.IsFinite(p.Second)).ToList();
        if (finite.Count == 0) return;
        var m = plot.Add.Markers(finite.Select(p => p.First).ToArray(), finite.Select(p => p.Second).ToArray(), shape, size, color);
        m.MarkerLineWidth = 1.6f;
        if (legend is not null) m.LegendText = legend;
    }
}
