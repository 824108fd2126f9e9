using Spectre.Console;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports;
using VmafTiny.Repro.Gate.Reports.Charts;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Reports.Html;
using VmafTiny.Repro.Reports.Html.Plots;

namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>
/// <c>--report md|json|junit|html [--report-file F]</c> and <c>--plots DIR</c> of the commands that
/// judge pairs (verify, run): the PNGs first, so that the Markdown report can link them.
/// </summary>
internal static class ReportOutput
{
    /// <summary>Null when <paramref name="format"/> is a report format (or absent), else the usage error.</summary>
    public static string? FormatError(string? format) =>
        format is null or "md" or "json" or "junit" or "html" ? null : $"--report must be md, json, junit or html, not '{format}'.";

    public static void Write(CliServices services, GateReport report, IReadOnlyList<GateEntry> entries, string? format, string? reportFile, string? plotsDir, CancellationToken cancellationToken)
    {
        var cwd = services.Environment.WorkingDirectory;
        var reportPath = reportFile is null ? null : Path.GetFullPath(reportFile, cwd);
        ChartSet? charts = null;
        ChartSet Charts() => charts ??= ChartSet.Create(ChartData.Build(report, entries));

        IReadOnlyList<PlotLink>? links = null;
        if (plotsDir is not null)
        {
            var dir = Path.GetFullPath(plotsDir, cwd);
            links = PlotFiles.Write(Charts(), dir, reportPath is null ? cwd : Path.GetDirectoryName(reportPath));
            services.Console.MarkupLineInterpolated($"plots: {dir} ({links.Count} PNG files)");
        }
        if (format is null) return;

        var text = format switch
        {
            "md" => MarkdownReport.Render(report, links),
            "json" => JsonReport.Render(report),
            "html" => HtmlReport.Render(report, Charts()),
            _ => JUnitReport.Render(report),
        };
        if (reportPath is null) services.Console.Profile.Out.Writer.Write(text);
        else
        {
            AtomicFile.WriteAllText(reportPath, text, SpecialTarget.WriteInPlace, cancellationToken);
            services.Console.MarkupLineInterpolated($"report: {reportPath}");
        }
    }
}
