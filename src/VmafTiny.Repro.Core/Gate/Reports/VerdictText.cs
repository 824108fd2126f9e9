namespace VmafTiny.Repro.Gate.Reports;

/// <summary>
/// The sentences the front-ends (console table, Markdown, HTML; the MSBuild diagnostics through
/// <see cref="GateDiagnostics"/>) use to say
/// why a pair got its verdict: which metric(s) moved and by how much, and which were not compared and why.
/// </summary>
public static class VerdictText
{
    /// <summary>The reason a metric is left out when no more specific one is known.</summary>
    public const string UndefinedOrAbsent = "undefined in some cell, or absent from the baseline";

    /// <summary>
    /// For an improved pair, e.g. "improved: srocc +0.000120 beyond band ±0.000050; approve to keep
    /// the improvement" (every metric beyond its band in the good direction); null for other verdicts.
    /// </summary>
    public static string? Improvement(PairResult pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Verdict == GateVerdict.Improved
            ? $"improved: {Changes(pair.Checks.Where(c => c.ImprovedBeyondBand))}; approve to keep the improvement"
            : null;
    }

    /// <summary>For a regressed pair, each regressed metric and its driving folds, e.g. "plcc regressed; folds: Tennis, FoxBird".</summary>
    public static string Regressions(PairResult pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return string.Join("; ", pair.RegressedChecks.Select(c => $"{c.Metric.Key()} regressed; folds: {string.Join(", ", c.DrivingFolds.Select(f => f.Fold))}"));
    }

    /// <summary>e.g. "srocc +0.000120 beyond band ±0.000050; rmse -0.0300 beyond band ±0.0200".</summary>
    public static string Changes(IEnumerable<MetricCheck> checks) =>
        string.Join("; ", checks.Select(c => $"{Change(c)} beyond band ±{ReportText.Value(c.Metric, c.Band)}"));

    /// <summary>
    /// e.g. "not compared: srocc (reference-format baseline: …); not compared: krocc (undefined in some
    /// cell, or absent from the baseline)": metrics grouped by their reason; empty when every metric was compared.
    /// </summary>
    public static string NotCompared(PairResult pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return string.Join("; ", pair.NotCompared
            .GroupBy(m => pair.NotComparedReasons.TryGetValue(m, out var why) ? why : UndefinedOrAbsent)
            .Select(g => $"not compared: {string.Join(", ", g.Select(m => m.Key()))} ({g.Key})"));
    }

    private static string Change(MetricCheck c) => $"{c.Metric.Key()} {ReportText.Signed(c.Metric, c.Delta)}";
}
