using System.Net;
using System.Text;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports;
using VmafTiny.Repro.Gate.Reports.Charts;
using VmafTiny.Repro.Reports.Html.Plots;

namespace VmafTiny.Repro.Reports.Html;

/// <summary>
/// The gate report as one self-contained HTML file: the verdict table on top, the architecture
/// overviews, then a section per (corpus, arch) pair with its charts (inline SVG), its metric table
/// and its per-fold table. No script, no external resource (a Content-Security-Policy says so to
/// the browser); every chart has an accessible name; verdicts are words and symbols, not colours.
/// </summary>
public static class HtmlReport
{
    /// <summary>Renders <paramref name="report"/> with the charts drawn from <paramref name="entries"/>.</summary>
    public static string Render(GateReport report, IEnumerable<GateEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render(report, ChartSet.Create(ChartData.Build(report, entries)));
    }

    /// <summary>Renders <paramref name="report"/> with charts already drawn.</summary>
    public static string Render(GateReport report, ChartSet charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var h = new HtmlWriter();
        var title = "vmaf-repro gate: " + Headline(report);
        h.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        h.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Raw("<title>").Text(title).Raw("</title>\n<style>").Raw(HtmlStyle.Css).Raw("</style>\n</head>\n<body>\n<main>\n");
        h.Raw("<h1>").Text(title).Raw("</h1>\n<p class=\"summary\">").Text(MarkdownReport.Summary(report)).Raw("</p>\n");

        VerdictTable(h, report);
        Notes(h, report);
        var figure = 0;
        if (charts.Overviews.Count > 0)
        {
            h.Raw("<section id=\"overview\">\n<h2>Architectures</h2>\n");
            foreach (var c in charts.Overviews) Figure(h, c, ++figure);
            h.Raw("</section>\n");
        }
        foreach (var set in charts.Pairs) Pair(h, set, ref figure);
        h.Raw("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void VerdictTable(HtmlWriter h, GateReport report)
    {
        h.Raw("<table class=\"verdicts\">\n<caption>Verdict per (corpus, arch), worst first</caption>\n<thead><tr>");
        foreach (var c in new[] { "corpus", "arch", "verdict", "metric", "baseline", "fresh", "Δ", "band", "p (Holm)", "driving folds" })
            h.Raw("<th scope=\"col\">").Text(c).Raw("</th>");
        h.Raw("</tr></thead>\n<tbody>\n");
        foreach (var p in report.Pairs)
        {
            var worst = p.RegressedChecks.FirstOrDefault() ?? p.Checks.FirstOrDefault(c => c.ImprovedBeyondBand) ?? p.Checks.FirstOrDefault(c => c.Metric == Metric.Plcc);
            h.Raw("<tr class=\"").Raw(ReportText.VerdictKey(p.Verdict)).Raw("\">");
            h.Raw("<td>").Text(p.Corpus).Raw("</td><td><a href=\"#").Raw(Anchor(p)).Raw("\">").Text(p.Arch).Raw("</a></td>");
            h.Raw("<td class=\"verdict\">").Text(Badge(p.Verdict)).Raw("</td>");
            if (worst is null) h.Raw("<td colspan=\"7\">").Text(p.Reason ?? p.CellProblems.FirstOrDefault()?.Describe() ?? "—").Raw("</td>");
            else
                foreach (var cell in MetricCells(worst)) h.Raw("<td>").Text(cell).Raw("</td>");
            h.Raw("</tr>\n");
        }
        h.Raw("</tbody>\n</table>\n");
    }

    private static void Notes(HtmlWriter h, GateReport report)
    {
        if (report.OrphanReceived.Count == 0) return;
        h.Raw("<ul class=\"notes\">\n");
        foreach (var o in report.OrphanReceived) h.Raw("<li>orphan received file (no configured pair): <code>").Text(o).Raw("</code></li>\n");
        h.Raw("</ul>\n");
    }

    private static void Pair(HtmlWriter h, PairChartSet set, ref int figure)
    {
        var p = set.Data.Pair;
        h.Raw("<section class=\"pair\" id=\"").Raw(Anchor(p)).Raw("\">\n<h2>").Text($"{p.Corpus} / {p.Arch}: {Badge(p.Verdict)}").Raw("</h2>\n");
        var notes = new List<string>();
        if (p.Reason is not null) notes.Add(p.Reason);
        notes.AddRange(p.CellProblems.Select(c => c.Describe()));
        if (p.NotCompared.Count > 0) notes.Add(VerdictText.NotCompared(p));
        if (VerdictText.Improvement(p) is { } improvement) notes.Add(improvement);
        if (p.Verdict is GateVerdict.Improved or GateVerdict.MissingBaseline)
            notes.Add($"review the received file, then {ReportText.ApproveCommand(p.Corpus, p.Arch)}");
        if (notes.Count > 0)
        {
            h.Raw("<ul class=\"notes\">\n");
            foreach (var n in notes) h.Raw("<li>").Text(n).Raw("</li>\n");
            h.Raw("</ul>\n");
        }
        foreach (var c in set.Charts) Figure(h, c, ++figure);
        if (p.Checks.Count > 0)
        {
            h.Raw("<table class=\"metrics\">\n<caption>").Text($"{p.Corpus} / {p.Arch}: metrics (k = {ReportText.Number(p.K)})").Raw("</caption>\n<thead><tr>");
            foreach (var c in new[] { "metric", "baseline", "fresh", "Δ", "band", "p (Holm)", "driving folds", "result" })
                h.Raw("<th scope=\"col\">").Text(c).Raw("</th>");
            h.Raw("</tr></thead>\n<tbody>\n");
            foreach (var c in p.Checks)
            {
                h.Raw("<tr>");
                foreach (var cell in MetricCells(c)) h.Raw("<td>").Text(cell).Raw("</td>");
                h.Raw("<td>").Text(c.Regressed ? "✖ regressed" : c.ImprovedBeyondBand ? "▲ improved" : "within band").Raw("</td></tr>\n");
            }
            h.Raw("</tbody>\n</table>\n");
        }
        if (set.Data.Folds is { } folds) FoldTable(h, folds);
        h.Raw("</section>\n");
    }

    private static void FoldTable(HtmlWriter h, FoldChart folds)
    {
        var m = folds.Metric;
        h.Raw("<table class=\"folds\">\n<caption>").Text($"{folds.Corpus} / {folds.Arch}: {m.Key()} per fold (mean over seeds)").Raw("</caption>\n<thead><tr>");
        foreach (var c in new[] { "fold", "baseline", "fresh", "Δ", "band (±)", "result" })
            h.Raw("<th scope=\"col\">").Text(c).Raw("</th>");
        h.Raw("</tr></thead>\n<tbody>\n");
        foreach (var f in folds.Folds)
        {
            h.Raw(f.Marked ? "<tr class=\"marked\">" : "<tr>");
            h.Raw("<th scope=\"row\">").Text(f.Fold).Raw("</th>");
            h.Raw("<td>").Text(Value(m, f.BaselineMean)).Raw("</td><td>").Text(Value(m, f.FreshMean)).Raw("</td>");
            var delta = f.FreshMean - f.BaselineMean;
            h.Raw("<td>").Text(double.IsFinite(delta) ? ReportText.Signed(m, delta) : "—").Raw("</td>");
            h.Raw("<td>").Text(f.Band is { } b ? ReportText.Value(m, (b.High - b.Low) / 2) : "—").Raw("</td>");
            h.Raw("<td>").Text(f.Marked ? "✖ regressed" : "").Raw("</td></tr>\n");
        }
        h.Raw("</tbody>\n</table>\n");
    }

    private static void Figure(HtmlWriter h, Chart chart, int n)
    {
        h.Raw("<figure>\n").Raw(SvgInline.Inline(chart.Svg(), $"f{n}-", chart.Alt, Plots.ChartStyle.Width, Plots.ChartStyle.Height));
        h.Raw("\n<figcaption>").Text(chart.Alt).Raw("</figcaption>\n</figure>\n");
    }

    private static IEnumerable<string> MetricCells(MetricCheck c) =>
    [
        c.Metric.Key(),
        $"{ReportText.Value(c.Metric, c.BaselineMean)} ± {ReportText.Value(c.Metric, c.BaselineStd)}",
        ReportText.Value(c.Metric, c.FreshMean),
        ReportText.Signed(c.Metric, c.Delta),
        "±" + ReportText.Value(c.Metric, c.Band),
        ReportText.P(c.AdjustedPValue),
        c.DrivingFolds.Count > 0 ? ReportText.Folds(c.Metric, c.DrivingFolds) : "",
    ];

    private static string Value(Metric m, double v) => double.IsFinite(v) ? ReportText.Value(m, v) : "—";

    /// <summary>The headline of the exit code (symbols instead of emoji: no colour font needed).</summary>
    private static string Headline(GateReport r) => r.ExitCode switch
    {
        ExitCodes.Regression => "✖ regression",
        ExitCodes.NotComparable => "⚠ not comparable",
        _ => "✔ pass",
    };

    /// <summary>The verdict as a symbol and words: readable without colour.</summary>
    internal static string Badge(GateVerdict v) => v switch
    {
        GateVerdict.Regressed => "✖ regressed",
        GateVerdict.NotComparable => "⚠ not comparable",
        GateVerdict.MissingBaseline => "⚠ missing baseline",
        GateVerdict.Improved => "▲ improved",
        GateVerdict.StaleBaseline => "○ stale baseline",
        _ => "✔ pass",
    };

    private static string Anchor(PairResult p) => "pair-" + ChartSet.FileName(p.Corpus, p.Arch);

    private sealed class HtmlWriter
    {
        private readonly StringBuilder _sb = new();
        public HtmlWriter Raw(string s) { _sb.Append(s); return this; }
        public HtmlWriter Text(string s) { _sb.Append(WebUtility.HtmlEncode(s)); return this; }
        public override string ToString() => _sb.ToString();
    }
}
