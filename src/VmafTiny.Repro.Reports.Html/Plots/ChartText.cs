using System.Globalization;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports.Charts;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>Alt texts: what each chart shows, and its finding, in words (screen readers, broken images).</summary>
internal static class ChartText
{
    public static string Alt(FoldChart c)
    {
        var m = c.Metric.Key().ToUpperInvariant();
        var marked = c.MarkedFolds.ToList();
        var finding = c.Folds.All(f => f.Band is null) ? "No bands: the pair was not compared."
            : marked.Count == 0 ? "No fold moved beyond its band in the bad direction."
            : $"Regressed folds (beyond their band in the bad direction): {string.Join(", ", marked)}.";
        return $"{m} per fold of {c.Corpus}/{c.Arch} for {c.Folds.Count} folds: baseline per-seed values and mean, " +
               $"the band around the baseline fold mean, and the fresh per-seed values and mean. {finding}";
    }

    public static string Alt(SeedChart c)
    {
        var m = c.Metric.Key().ToUpperInvariant();
        var band = c.Band is { } b
            ? $" Band {V(b.Low)} to {V(b.High)}; fresh mean {V(c.FreshMean)} is {(c.FreshMean >= b.Low && c.FreshMean <= b.High ? "inside" : "outside")} it."
            : " No band: the pair was not compared.";
        return $"Overall {m} per seed of {c.Corpus}/{c.Arch} ({c.Seeds.Count} seeds), baseline vs fresh; baseline mean {V(c.BaselineMean)}, fresh mean {V(c.FreshMean)}.{band}";
    }

    public static string Alt(HistoryChart c) =>
        $"Headline PLCC and RMSE of {c.Corpus}/{c.Arch} over {c.Points.Count(p => !p.IsFresh)} approved version(s)" +
        (c.Points.Any(p => p.IsFresh) ? " and the fresh run (last point)" : "") + ": " +
        string.Join("; ", c.Points.Select(p => $"{p.Label} PLCC {V(p.Plcc)}, RMSE {p.Rmse.ToString("F4", CultureInfo.InvariantCulture)}")) + ".";

    public static string Alt(OverviewChart c) =>
        $"{c.Metric.Key().ToUpperInvariant()} mean ± std over seeds per architecture on {c.Corpus}, baseline vs fresh: " +
        string.Join("; ", c.Archs.Select(a => $"{a.Arch} baseline {V(a.BaselineMean, c.Metric)}, fresh {V(a.FreshMean, c.Metric)}")) + ".";

    private static string V(double v, Metric m = Metric.Plcc) =>
        !double.IsFinite(v) ? "none" : v.ToString(m == Metric.Rmse ? "F4" : "F6", CultureInfo.InvariantCulture);
}
