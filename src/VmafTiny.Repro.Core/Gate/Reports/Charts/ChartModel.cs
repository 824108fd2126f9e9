namespace VmafTiny.Repro.Gate.Reports.Charts;

/// <summary>
/// A band around a baseline value: [<see cref="Low"/>, <see cref="High"/>]. For a fold it is
/// ± max(k × the fold's baseline std over seeds, floor) (the driving-fold rule); for the overall
/// mean it is ± the gate's band of the metric.
/// </summary>
public sealed record Band(double Low, double High);

/// <summary>One fold of the per-fold chart: both sides' per-seed values (empty for a side that lacks the fold).</summary>
public sealed record FoldPoint(
    string Fold,
    IReadOnlyList<double> BaselineSeeds,
    double BaselineMean,
    IReadOnlyList<double> FreshSeeds,
    double FreshMean,
    Band? Band,
    bool Marked);

/// <summary>
/// Per-fold chart of one pair and metric (PLCC): baseline per-seed values and mean, the fold's band
/// and the fresh per-seed values; <see cref="FoldPoint.Marked"/> folds moved in the bad direction
/// beyond their band. No band and no marks when the pair was not compared.
/// </summary>
public sealed record FoldChart(string Corpus, string Arch, Metric Metric, IReadOnlyList<FoldPoint> Folds)
{
    public IEnumerable<string> MarkedFolds => Folds.Where(f => f.Marked).Select(f => f.Fold);
}

/// <summary>One seed's overall value (mean over folds) on each side; NaN for a side without the seed.</summary>
public sealed record SeedPoint(string Seed, double Baseline, double Fresh);

/// <summary>
/// Seed chart of one pair and metric: per-seed overall values, both sides' overall means, and the
/// gate's band (baseline mean ± band, band = max(k × across-seed std, floor)) when compared.
/// </summary>
public sealed record SeedChart(string Corpus, string Arch, Metric Metric, IReadOnlyList<SeedPoint> Seeds,
    double BaselineMean, double FreshMean, Band? Band, double K);

/// <summary>Headline numbers of one version: an approval from the baseline's history, or the fresh result (last).</summary>
public sealed record HistoryPoint(string Label, DateTimeOffset? ApprovedUtc, double Plcc, double PlccStd, double Rmse, double RmseStd, bool IsFresh);

/// <summary>History chart of one pair: every approved version's headline PLCC and RMSE, the fresh value last.</summary>
public sealed record HistoryChart(string Corpus, string Arch, IReadOnlyList<HistoryPoint> Points);

/// <summary>Mean ± std over seeds of one metric of one architecture, per side (NaN when a side is absent).</summary>
public sealed record ArchSummary(string Arch, double BaselineMean, double BaselineStd, double FreshMean, double FreshStd);

/// <summary>The architecture ladder of one corpus and metric (the research note's results table).</summary>
public sealed record OverviewChart(string Corpus, Metric Metric, IReadOnlyList<ArchSummary> Archs);

/// <summary>The charts of one (corpus, arch) pair; a chart is null when neither side has the data for it.</summary>
public sealed record PairCharts(PairResult Pair, FoldChart? Folds, SeedChart? Seeds, HistoryChart? History);

/// <summary>Every chart of a gate report: one entry per pair (report order) and the overviews (one per corpus and metric).</summary>
public sealed record GateCharts(IReadOnlyList<PairCharts> Pairs, IReadOnlyList<OverviewChart> Overviews);
