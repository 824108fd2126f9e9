using System.Text;

namespace VmafTiny.Repro.Gate.Reports;

/// <summary>
/// The gate report as GitHub-flavoured Markdown, ready to append to <c>$GITHUB_STEP_SUMMARY</c>:
/// a summary line, one table row per (corpus, arch, metric) worst first (regressed, not comparable,
/// missing, improved, stale, pass; regressed metrics first within a pair), then notes, then links
/// to the chart files when there are any (<c>--plots</c>).
/// </summary>
public static class MarkdownReport
{
    public static string Render(GateReport report, IReadOnlyList<PlotLink>? plots = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("## vmaf-repro gate: ").Append(Headline(report)).Append('\n').Append('\n');
        sb.Append(Summary(report)).Append('\n').Append('\n');
        sb.Append("| corpus | arch | verdict | metric | baseline | fresh | Δ | band | p (Holm) | driving folds |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var p in report.Pairs)
        {
            var verdict = p.Verdict == GateVerdict.Regressed ? "**regressed**" : ReportText.Verdict(p.Verdict);
            if (p.Checks.Count == 0)
            {
                Row(sb, p.Corpus, p.Arch, verdict, "—", "—", "—", "—", "—", "—", "—");
                continue;
            }
            foreach (var c in p.RegressedChecks.Concat(p.Checks.Where(c => !c.Regressed)))
            {
                var metric = c.Regressed ? $"**{c.Metric.Key()}**" : c.Metric.Key();
                Row(sb, p.Corpus, p.Arch, verdict, metric,
                    $"{ReportText.Value(c.Metric, c.BaselineMean)} ± {ReportText.Value(c.Metric, c.BaselineStd)}",
                    ReportText.Value(c.Metric, c.FreshMean),
                    ReportText.Signed(c.Metric, c.Delta),
                    "±" + ReportText.Value(c.Metric, c.Band),
                    ReportText.P(c.AdjustedPValue),
                    c.DrivingFolds.Count > 0 ? ReportText.Folds(c.Metric, c.DrivingFolds) : "");
            }
        }

        var notes = Notes(report).ToList();
        if (notes.Count > 0)
        {
            sb.Append('\n');
            foreach (var n in notes) sb.Append("- ").Append(n).Append('\n');
        }
        ExportReportSection.Markdown(sb, report.Exports);
        if (plots is { Count: > 0 }) Plots(sb, report, plots);
        return sb.ToString();
    }

    /// <summary>One line per corpus overview and per pair (report order), each chart a link.</summary>
    private static void Plots(StringBuilder sb, GateReport report, IReadOnlyList<PlotLink> plots)
    {
        sb.Append('\n').Append("### Plots").Append('\n').Append('\n');
        static string Links(IEnumerable<PlotLink> links) =>
            string.Join(" · ", links.Select(l => $"[{l.Title}]({Uri.EscapeDataString(l.Path).Replace("%2F", "/", StringComparison.Ordinal)})"));
        foreach (var corpus in plots.Where(p => p.Arch is null).GroupBy(p => p.Corpus))
            sb.Append("- `").Append(corpus.Key).Append("`: ").Append(Links(corpus)).Append('\n');
        foreach (var pair in report.Pairs)
        {
            var links = plots.Where(p => p.Corpus == pair.Corpus && p.Arch == pair.Arch).ToList();
            if (links.Count > 0) sb.Append("- `").Append(pair.Corpus).Append('/').Append(pair.Arch).Append("`: ").Append(Links(links)).Append('\n');
        }
    }

    private static string Headline(GateReport r) =>
        r.Count(GateVerdict.Regressed) > 0 || r.Exports.Any(e => !e.Passed) ? "❌ regression" :
        r.Count(GateVerdict.NotComparable) + r.Count(GateVerdict.InvalidBaseline) + r.Count(GateVerdict.MissingBaseline) > 0 ? "⚠️ not comparable" :
        "✅ pass";

    internal static string Summary(GateReport r) =>
        $"{r.Pairs.Count} (corpus, arch) pairs: {r.Count(GateVerdict.Regressed)} regressed, {r.Count(GateVerdict.NotComparable)} not comparable, " +
        (r.Count(GateVerdict.InvalidBaseline) > 0 ? $"{r.Count(GateVerdict.InvalidBaseline)} invalid baseline, " : "") +
        $"{r.Count(GateVerdict.MissingBaseline)} missing baseline, {r.Count(GateVerdict.Improved)} improved, " +
        $"{r.Count(GateVerdict.StaleBaseline)} stale baseline, {r.Count(GateVerdict.Pass)} pass. " +
        $"Band = max(k × baseline across-seed std, floor); p = one-sided Wilcoxon signed-rank, Holm-adjusted, alpha {ReportText.Number(r.Alpha)}.";

    private static IEnumerable<string> Notes(GateReport r)
    {
        foreach (var p in r.Pairs)
        {
            var who = $"`{p.Corpus}/{p.Arch}`";
            foreach (var cell in p.CellProblems) yield return $"{who}: {cell.Describe()}";
            if (p.Reason is not null) yield return $"{who} ({ReportText.Verdict(p.Verdict)}): {p.Reason}";
            if (p.NotCompared.Count > 0 && p.CellProblems.Count == 0)
                yield return $"{who}: {VerdictText.NotCompared(p)}";
            if (p.Verdict == GateVerdict.Improved)
                yield return $"{who}: improved: {VerdictText.Changes(p.Checks.Where(c => c.ImprovedBeyondBand))}; review the received file, then `{ReportText.ApproveCommand(p.Corpus, p.Arch)}` to keep the improvement";
            if (p.Verdict == GateVerdict.MissingBaseline)
                yield return $"{who}: review the received file, then `{ReportText.ApproveCommand(p.Corpus, p.Arch)}`";
        }
        foreach (var o in r.OrphanReceived) yield return $"orphan received file (no configured pair): `{o}`";
    }

    private static void Row(StringBuilder sb, params string[] cells) =>
        sb.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Replace("|", "\\|")))).Append(" |\n");
}
