using System.Globalization;
using Spectre.Console;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports;

namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>The verdict table verify prints: one row per (corpus, arch), worst first.</summary>
internal static class GateTable
{
    public static void Write(IAnsiConsole console, GateReport report)
    {
        var table = new Table().AddColumns("corpus", "arch", "verdict", "PLCC base → fresh", "Δ", "band", "p (Holm)", "detail");
        foreach (var pair in report.Pairs.OrderBy(p => p.Verdict).ThenBy(p => p.Corpus, StringComparer.Ordinal).ThenBy(p => p.Arch, StringComparer.Ordinal))
        {
            // The metric behind the verdict: the worst regressed one, else the first improved one, else PLCC.
            var check = pair.RegressedChecks.FirstOrDefault() ?? pair.Checks.FirstOrDefault(c => pair.Verdict == GateVerdict.Improved && c.ImprovedBeyondBand)
                ?? pair.Checks.FirstOrDefault(c => c.Metric == Metric.Plcc);
            var detail = pair.Verdict switch
            {
                GateVerdict.Regressed when pair.CellProblems.Count > 0 => CellProblems(pair.CellProblems),
                GateVerdict.Regressed when check is not null => VerdictText.Regressions(pair),
                GateVerdict.Improved => VerdictText.Improvement(pair)!,
                _ => pair.Reason ?? "",
            };
            detail = Join(detail, NotCompared(pair));
            table.AddRow(
                Markup.Escape(pair.Corpus), Markup.Escape(pair.Arch), Verdict(pair.Verdict),
                check is null ? "—" : $"{F(check.BaselineMean, check.Metric)} → {F(check.FreshMean, check.Metric)}" + (check.Metric == Metric.Plcc ? "" : $" ({check.Metric.Key()})"),
                check is null ? "—" : F(check.Delta, check.Metric, signed: true),
                check is null ? "—" : F(check.Band, check.Metric),
                check is null || double.IsNaN(check.AdjustedPValue) ? "—" : check.AdjustedPValue.ToString("0.####", CultureInfo.InvariantCulture),
                Markup.Escape(detail));
        }
        console.Write(table);
        foreach (var orphan in report.OrphanReceived)
            console.MarkupLineInterpolated($"[yellow]orphan received file (matches no configured pair):[/] {orphan}");
    }

    // A metric left out of the comparison is said, never passed over silently.
    private static string NotCompared(PairResult pair)
    {
        if (pair.NotCompared.Count == 0 || pair.CellProblems.Count > 0) return "";
        return VerdictText.NotCompared(pair);
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}; {b}";

    // The first few cells by name (fold, seed and why), then a count: 45 diverged cells would drown the table.
    private static string CellProblems(IReadOnlyList<CellProblem> problems) =>
        string.Join("; ", problems.Take(3).Select(c => c.Describe())) + (problems.Count > 3 ? $"; and {problems.Count - 3} more cells" : "");

    private static string Verdict(GateVerdict v) => v switch
    {
        GateVerdict.Pass => "[green]pass[/]",
        GateVerdict.Improved => "[cyan]improved[/]",
        GateVerdict.Regressed => "[red bold]REGRESSED[/]",
        GateVerdict.NotComparable => "[yellow]not comparable[/]",
        GateVerdict.InvalidBaseline => "[yellow]invalid baseline[/]",
        GateVerdict.MissingBaseline => "[yellow]missing baseline[/]",
        GateVerdict.StaleBaseline => "[grey]stale baseline[/]",
        _ => v.ToString(),
    };

    private static string F(double v, Metric m, bool signed = false)
    {
        if (!double.IsFinite(v)) return v.ToString(CultureInfo.InvariantCulture);
        var s = v.ToString(m == Metric.Rmse ? "0.0000" : "0.000000", CultureInfo.InvariantCulture);
        return signed && v >= 0 ? "+" + s : s;
    }
}
