using System.Text;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports.Charts;

namespace VmafTiny.Repro.Reports.Html.Plots;

/// <summary>The charts of one pair, in display order (per fold, per seed, history).</summary>
public sealed record PairChartSet(PairCharts Data, IReadOnlyList<Chart> Charts);

/// <summary>Every chart of a gate report: the overviews (per corpus and metric), then one set per pair.</summary>
public sealed record ChartSet(IReadOnlyList<Chart> Overviews, IReadOnlyList<PairChartSet> Pairs)
{
    public IEnumerable<Chart> All => Overviews.Concat(Pairs.SelectMany(p => p.Charts));

    /// <summary>Draws every chart of <paramref name="charts"/> (the plots are built, not yet rendered).</summary>
    public static ChartSet Create(GateCharts charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var overviews = charts.Overviews.Select(o => new Chart(o.Corpus, null, FileName(o.Corpus, "overview", o.Metric.Key()),
            $"{o.Metric.Key().ToUpperInvariant()} per arch", ChartText.Alt(o), OverviewPlot.Create(o))).ToList();
        var pairs = charts.Pairs.Select(p =>
        {
            var list = new List<Chart>();
            var (corpus, arch) = (p.Pair.Corpus, p.Pair.Arch);
            if (p.Folds is { } f) list.Add(new Chart(corpus, arch, FileName(corpus, arch, "folds"), "per fold", ChartText.Alt(f), FoldPlot.Create(f)));
            if (p.Seeds is { } s) list.Add(new Chart(corpus, arch, FileName(corpus, arch, "seeds"), "per seed", ChartText.Alt(s), SeedPlot.Create(s)));
            if (p.History is { } h) list.Add(new Chart(corpus, arch, FileName(corpus, arch, "history"), "history", ChartText.Alt(h), HistoryPlot.Create(h)));
            return new PairChartSet(p, list);
        }).ToList();
        return new ChartSet(overviews, pairs);
    }

    /// <summary><c>corpus--arch--kind</c> with every character outside [A-Za-z0-9._-] replaced by '_'.</summary>
    internal static string FileName(params string[] parts) =>
        string.Join("--", parts.Select(p =>
        {
            var sb = new StringBuilder(p.Length);
            foreach (var c in p) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
            return sb.ToString();
        }));
}
