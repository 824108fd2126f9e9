using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Gate.Reports;

/// <summary>
/// The coded diagnostics of a gate report:
/// VMR1001 regressed (error), VMR1002 diverged or non-finite cell (error), VMR1003 not comparable
/// (error), VMR1004 missing baseline (error), VMR1005 stale baseline (warning), VMR1006 improved
/// (warning), VMR1007 orphan received file (warning), VMR1008 a baseline's stored aggregates
/// disagree with its cells (warning), VMR6101–6104 a failed export check (error).
/// </summary>
public static class GateDiagnostics
{
    public static IEnumerable<GateDiagnostic> Diagnostics(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var p in report.Pairs)
        {
            var who = $"{p.Corpus}/{p.Arch}";
            switch (p.Verdict)
            {
                case GateVerdict.Regressed:
                    var regressed = p.RegressedChecks.ToList();
                    if (regressed.Count > 0)
                        yield return new(DiagnosticSeverity.Error, "VMR1001", p.BaselinePath, $"{who} regressed: {RegressionText(regressed)}");
                    foreach (var c in p.CellProblems)
                        yield return new(DiagnosticSeverity.Error, "VMR1002", p.BaselinePath, $"{who}: {c.Describe()}");
                    break;
                case GateVerdict.NotComparable:
                    yield return new(DiagnosticSeverity.Error, "VMR1003", p.BaselinePath,
                        $"{who} is not comparable with its baseline: {p.Reason}. Re-run with the baseline's recipe and data, or approve the received file if the change is intended");
                    break;
                case GateVerdict.InvalidBaseline:
                    yield return new(DiagnosticSeverity.Error, "VMR1009", p.BaselinePath,
                        $"{who} has an invalid baseline: {p.Reason}. Fix or delete the baseline, re-run verify and approve the received file");
                    break;
                case GateVerdict.MissingBaseline:
                    yield return new(DiagnosticSeverity.Error, "VMR1004", p.BaselinePath,
                        $"{who} has no baseline; review the received file, then {ReportText.ApproveCommand(p.Corpus, p.Arch)}");
                    break;
                case GateVerdict.StaleBaseline:
                    yield return new(DiagnosticSeverity.Warning, "VMR1005", p.BaselinePath,
                        $"{who} has a baseline but is not configured; delete the baseline or add the pair back to vmaf-repro.json");
                    break;
                case GateVerdict.Improved:
                    yield return new(DiagnosticSeverity.Warning, "VMR1006", p.BaselinePath,
                        $"{who} improved: {ImprovementText(p.Checks.Where(c => c.ImprovedBeyondBand))}; approve with {ReportText.ApproveCommand(p.Corpus, p.Arch)}");
                    break;
            }
            if (p.StoredAggregateDisagreements.Count > 0)
                yield return new(DiagnosticSeverity.Warning, "VMR1008", p.BaselinePath, StoredAggregatesText(p));
        }
        foreach (var o in report.OrphanReceived)
            yield return new(DiagnosticSeverity.Warning, "VMR1007", o,
                "received file matches no configured (corpus, arch); delete it, or configure the pair again");
        foreach (var e in report.Exports)
            foreach (var c in e.Checks.Where(c => !c.Passed))
                yield return new(DiagnosticSeverity.Error, c.Code, e.Onnx.Path, $"export {e.Id} ({e.Corpus}/{e.Arch}) failed its {c.Name} check: {c.Detail}");
    }

    /// <summary>The VMR1008 message: the fields that disagree (the first three, then a count), and what to do.</summary>
    public static string StoredAggregatesText(PairResult p)
    {
        var d = p.StoredAggregateDisagreements;
        var fields = string.Join("; ", d.Take(3)) + (d.Count > 3 ? $"; and {d.Count - 3} more fields" : "");
        return $"{p.Corpus}/{p.Arch}: the baseline's stored aggregates disagree with its cells: {fields}. " +
               "The gate judges from the cells; restore the file from version control, or approve a fresh received file to rewrite it";
    }

    /// <summary>e.g. "plcc Δ -0.001111 beyond band ±0.000500 (Holm p 0.0123; driving folds: Tennis (-0.010000))".</summary>
    internal static string RegressionText(IEnumerable<MetricCheck> checks) => string.Join("; ", checks.Select(c =>
        $"{c.Metric.Key()} Δ {ReportText.Signed(c.Metric, c.Delta)} " +
        (c.BeyondBand ? "beyond" : "within") + $" band ±{ReportText.Value(c.Metric, c.Band)}" +
        (c.ConsistentShift ? $", consistent shift beyond floor {ReportText.Value(c.Metric, c.Floor)}" : "") +
        $" (Holm p {ReportText.P(c.AdjustedPValue)}; driving folds: {ReportText.Folds(c.Metric, c.DrivingFolds)})"));

    internal static string ImprovementText(IEnumerable<MetricCheck> checks) => string.Join("; ", checks.Select(c =>
        $"{c.Metric.Key()} Δ {ReportText.Signed(c.Metric, c.Delta)} beyond band ±{ReportText.Value(c.Metric, c.Band)}"));
}
