using ScottPlot;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>
/// One look for every chart. Baseline and fresh differ in marker shape, fill and line pattern as
/// well as colour (dark blue, solid, filled circles vs orange, dashed, open triangles), so the
/// charts read in grey and for colour-blind readers; regressed folds carry a large cross and the
/// word "regressed" in their axis label.
/// </summary>
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
    public static readonly LinePattern BaselineLine = LinePattern.Solid;
    public static readonly LinePattern FreshLine = LinePattern.Dashed;
    public static readonly LinePattern BandLine = LinePattern.Dotted;

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

    /// <summary>A horizontal segment (a mean) from <paramref name="x1"/> to <paramref name="x2"/>.</summary>
    public static void Segment(Plot plot, double x1, double x2, double y, Color color, LinePattern pattern, string? legend)
    {
        var line = plot.Add.Line(x1, y, x2, y);
        line.LineColor = color;
        line.LineWidth = 2.5f;
        line.LinePattern = pattern;
        line.MarkerShape = MarkerShape.None;
        if (legend is not null) line.LegendText = legend;
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
