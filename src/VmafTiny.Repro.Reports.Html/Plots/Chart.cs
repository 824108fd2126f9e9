using ScottPlot;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>
/// One chart ready to draw: <see cref="FileName"/> (without extension, safe on every file system),
/// a title, an alt text that says in words what the picture shows, and the plot.
/// </summary>
public sealed class Chart
{
    private readonly Plot _plot;

    internal Chart(string corpus, string? arch, string fileName, string title, string alt, Plot plot)
    {
        Corpus = corpus;
        Arch = arch;
        FileName = fileName;
        Title = title;
        Alt = alt;
        _plot = plot;
    }

    public string Corpus { get; }
    /// <summary>Null for an overview of the corpus.</summary>
    public string? Arch { get; }
    public string FileName { get; }
    public string Title { get; }
    public string Alt { get; }

    /// <summary>The chart as a standalone SVG document.</summary>
    public string Svg() => _plot.GetSvgXml(ChartStyle.Width, ChartStyle.Height);

    /// <summary>The chart as PNG bytes.</summary>
    public byte[] Png() => _plot.GetImageBytes(ChartStyle.Width, ChartStyle.Height, ImageFormat.Png);
}
