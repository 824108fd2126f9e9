using System.Globalization;

namespace VmafTiny.Repro.Gate.Reports;

/// <summary>Number and name formatting shared by the reports (invariant culture, fixed digits).</summary>
internal static class ReportText
{
    /// <summary>The command printed in hints to approve a pair.</summary>
    public static string ApproveCommand(string corpus, string arch) =>
        $"vmaf-repro approve --corpus {corpus} --arch {arch} --reason \"<why>\"";

    public static string Verdict(GateVerdict v) => v switch
    {
        GateVerdict.Regressed => "regressed",
        GateVerdict.NotComparable => "not comparable",
        GateVerdict.InvalidBaseline => "invalid baseline",
        GateVerdict.MissingBaseline => "missing baseline",
        GateVerdict.Improved => "improved",
        GateVerdict.StaleBaseline => "stale baseline",
        GateVerdict.Pass => "pass",
        _ => v.ToString(),
    };

    public static string VerdictKey(GateVerdict v) => Verdict(v).Replace(' ', '_');

    /// <summary>A metric value: 6 decimals for correlations, 4 for RMSE.</summary>
    public static string Value(Metric m, double v) =>
        double.IsFinite(v) ? v.ToString(m == Metric.Rmse ? "F4" : "F6", CultureInfo.InvariantCulture) : Nan(v);

    /// <summary>A signed change, same digits as <see cref="Value"/>.</summary>
    public static string Signed(Metric m, double v) =>
        double.IsFinite(v) ? (v >= 0 ? "+" : "") + Value(m, v) : Nan(v);

    public static string P(double p) =>
        double.IsNaN(p) ? "—" : p < 1e-4 ? "<0.0001" : p.ToString("F4", CultureInfo.InvariantCulture);

    public static string Folds(Metric m, IReadOnlyList<FoldShift> folds) =>
        string.Join(", ", folds.Select(f => $"{f.Fold} ({Signed(m, f.FreshMean - f.BaselineMean)})"));

    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Nan(double v) => double.IsNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
}
