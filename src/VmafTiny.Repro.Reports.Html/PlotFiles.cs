using VmafTiny.Repro.Gate.Reports;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Reports.Html.Plots;

namespace VmafTiny.Repro.Reports.Html;

/// <summary>Writes every chart as <c>&lt;dir&gt;/&lt;name&gt;.png</c> (atomically) for CI artefacts and the Markdown links.</summary>
public static class PlotFiles
{
    /// <param name="charts">The charts.</param>
    /// <param name="directory">Where to write them (created when missing; a failure is VMR5001).</param>
    /// <param name="linkBase">The folder links are made relative to (the Markdown report's); null for absolute paths.</param>
    /// <returns>One link per file, in <see cref="ChartSet.All"/> order.</returns>
    public static IReadOnlyList<PlotLink> Write(ChartSet charts, string directory, string? linkBase = null)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var links = new List<PlotLink>();
        foreach (var chart in charts.All)
        {
            var path = Path.Combine(directory, chart.FileName + ".png");
            AtomicFile.WriteAllBytes(path, chart.Png());
            var link = linkBase is null ? Path.GetFullPath(path) : Path.GetRelativePath(linkBase, path);
            links.Add(new PlotLink(chart.Corpus, chart.Arch, chart.Title, link.Replace(Path.DirectorySeparatorChar, '/')));
        }
        return links;
    }
}
