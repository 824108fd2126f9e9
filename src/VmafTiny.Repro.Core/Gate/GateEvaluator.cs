using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Stats;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>
/// Compares fresh results with their baselines and returns one verdict per (corpus, arch).
/// </summary>
/// <remarks>
/// <para>The rules, per (corpus, arch) pair:</para>
/// <list type="number">
/// <item><b>MissingBaseline</b>: a fresh result and no baseline. <b>StaleBaseline</b>: a baseline
/// whose pair is no longer configured (a warning only).</item>
/// <item><b>NotComparable</b>: the recipes differ (fingerprint when both record a recipe; epochs,
/// lr and batch_size for a Python reference baseline), the corpus sha256 or row count differ (when
/// both record the corpus), the seed sets differ, the fold (sources) sets differ, or a cell is
/// missing. The reason names what differs.</item>
/// <item><b>Metrics</b>: PLCC, SROCC and KROCC (up is good) and RMSE (down is good); KROCC only
/// when both sides have it in every cell. All numbers are recomputed from the per-(fold, seed)
/// cells, never taken from stored aggregates.</item>
/// <item><b>Band</b>: Δ = fresh overall mean − baseline overall mean (overall mean = mean over
/// seeds of the mean over folds); band = max(k × the baseline's across-seed std (sample std of its
/// per-seed means), floor). A bad-direction Δ beyond the band regresses the metric.</item>
/// <item><b>Paired test</b>: a one-sided Wilcoxon signed-rank test on the per-cell differences in
/// the bad direction (zeros dropped; exact for n ≤ 50 without ties, else normal approximation
/// with tie correction; p = 1 when all differences are zero). The p-values of ALL (corpus, arch,
/// metric) checks of one report are Holm-Bonferroni adjusted together. A metric also regresses
/// when its adjusted p &lt; alpha AND its bad-direction Δ exceeds the floor: a consistent shift
/// larger than the floor counts even inside a wide band.</item>
/// <item><b>Cells</b>: a fresh cell that diverged, or has a NaN/Inf metric where the baseline's is
/// finite, makes the pair Regressed (naming the fold and seed, and the cell's note), never Pass.</item>
/// <item><b>Reference-format baseline</b> (the Python reference's own JSON, <see cref="ReferenceFormat"/>):
/// SROCC is not judged (its ties were ranked arbitrarily); it is listed as not compared, with that reason.</item>
/// <item><b>Improved</b>: some metric beyond its band in the good direction and none regressed
/// (passes; approve the received file to keep the gain).</item>
/// <item><b>Driving folds</b> of a regressed metric: folds whose mean over seeds moved in the bad
/// direction by more than max(k × that fold's baseline std over seeds, floor), worst first; at
/// least the worst fold is named.</item>
/// <item>k and floors per pair come from the policy overrides; a k from the command line overrides
/// the configured k.</item>
/// <item><b>InvalidBaseline</b>: the baseline has a cell metric that is missing, infinite, or NaN
/// without a note saying why; or no metric at all could be compared.</item>
/// <item><b>Stored aggregates</b> of a baseline that disagree with its cells change nothing in the
/// verdict; they are listed in <see cref="PairResult.StoredAggregateDisagreements"/> (warning VMR1008).</item>
/// <item>Exit code: 1 if any pair regressed; else 3 if any is not comparable, invalid or missing its
/// baseline; else 0 (stale baselines and improvements are warnings). With --warn-only, 0.</item>
/// </list>
/// </remarks>
public sealed class GateEvaluator
{
    private readonly GatePolicy _policy;
    private readonly double? _kOverride;
    private readonly Pairing _pairing;

    /// <param name="policy">The configured policy.</param>
    /// <param name="kOverride">A k from the command line; wins over every configured k.</param>
    /// <param name="pairing">How the paired test matches cells (see <see cref="Pairing"/>).</param>
    public GateEvaluator(GatePolicy policy, double? kOverride = null, Pairing pairing = Pairing.Cells)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (kOverride is { } k && !GatePolicy.IsK(k))
            throw new ReproException("VMR3100", $"--k must be a finite number > 0, not {k.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                "Pass e.g. --k 3 (the band is k x the baseline's across-seed std).", ExitCodes.UsageOrInputError);
        _policy = policy;
        _kOverride = kOverride;
        _pairing = pairing;
    }

    /// <summary>Judges every entry; the orphan received files are carried into the report as warnings.</summary>
    public GateReport Evaluate(IEnumerable<GateEntry> entries, IEnumerable<string>? orphanReceived = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var drafts = entries.Select(Judge).ToList();

        // Holm-Bonferroni over every check of the report.
        var all = drafts.SelectMany((d, i) => d.Checks.Select((c, j) => (i, j, c))).ToList();
        var adjusted = Holm.Adjust(all.Select(x => x.c.PValue).ToList());
        var checks = drafts.Select(d => d.Checks.ToArray()).ToArray();
        for (var n = 0; n < all.Count; n++)
        {
            var (i, j, c) = all[n];
            var consistent = adjusted[n] < _policy.Alpha && c.BadDelta > c.Floor;
            checks[i][j] = c with { AdjustedPValue = adjusted[n], ConsistentShift = consistent };
        }

        var pairs = new List<PairResult>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (d.Verdict is { } fixedVerdict)
            {
                pairs.Add(d.Result with { Verdict = fixedVerdict });
                continue;
            }
            var final = checks[i].Select(c => c.Regressed ? c with { DrivingFolds = d.FoldShifts(c) } : c).ToList();
            var verdict = d.Result.CellProblems.Count > 0 || final.Any(c => c.Regressed) ? GateVerdict.Regressed
                : final.Any(c => c.ImprovedBeyondBand) ? GateVerdict.Improved
                : GateVerdict.Pass;
            pairs.Add(d.Result with { Verdict = verdict, Checks = final });
        }

        return new GateReport
        {
            Pairs = pairs.OrderBy(p => p.Verdict).ThenBy(p => p.Corpus, StringComparer.Ordinal).ThenBy(p => p.Arch, StringComparer.Ordinal).ToList(),
            Alpha = _policy.Alpha,
            OrphanReceived = (orphanReceived ?? []).ToList(),
        };
    }

    private Draft Judge(GateEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var eff = _policy.For(e.Corpus, e.Arch, _kOverride);
        var shell = new PairResult { Corpus = e.Corpus, Arch = e.Arch, Verdict = GateVerdict.Pass, BaselinePath = e.BaselinePath, K = eff.K };

        if (e.Baseline is null && e.Fresh is null)
            throw new ArgumentException($"entry ({e.Corpus}, {e.Arch}) has neither a baseline nor a fresh result", nameof(e));
        if (e.Baseline is null)
            return Draft.Fixed(shell with { Reason = "no baseline yet" }, GateVerdict.MissingBaseline);
        shell = shell with { StoredAggregateDisagreements = StoredAggregates.Disagreements(e.Baseline) };
        if (e.Fresh is null)
            return Draft.Fixed(shell with { Reason = "the pair is not in the configuration; delete the baseline or configure the pair again" }, GateVerdict.StaleBaseline);

        if (e.BaselineDefects is { Count: > 0 } defects)
            return Draft.Fixed(shell with { Reason = MessageText.List(defects) }, GateVerdict.InvalidBaseline);

        var b = e.Baseline;
        var f = e.Fresh;
        var reasons = Comparability.Differences(b, f, _pairing);
        if (reasons.Count > 0)
            return Draft.Fixed(shell with { Reason = string.Join("; ", reasons) }, GateVerdict.NotComparable);

        var bSeeds = CellGrid.Seeds(b);
        var fSeeds = _pairing == Pairing.Cells ? bSeeds : CellGrid.Seeds(f);
        var folds = CellGrid.Folds(b);
        var problems = CellProblems(b, f, bSeeds, fSeeds, folds);

        var checks = new List<MetricCheck>();
        var notCompared = new List<Metric>();
        var notComparedReasons = new Dictionary<Metric, string>();
        foreach (var m in MetricExtensions.All)
        {
            if (ReferenceFormat.NotJudged(b, m) is { } why)
            {
                notCompared.Add(m);
                notComparedReasons[m] = why;
                continue;
            }
            var comparable = CellGrid.Has(b, m, bSeeds, folds) && CellGrid.Has(f, m, fSeeds, folds)
                && AllFinite(b, m, bSeeds, folds) && AllFinite(f, m, fSeeds, folds);
            if (comparable) checks.Add(Check(b, f, m, bSeeds, fSeeds, folds, eff));
            else notCompared.Add(m);
        }

        // A comparison that compared nothing must never pass.
        if (checks.Count == 0 && problems.Count == 0)
            return Draft.Fixed(shell with { NotCompared = notCompared, NotComparedReasons = notComparedReasons, Reason = $"nothing could be compared: {string.Join(", ", notCompared.Select(m => m.Key()))} are undefined or absent in some cell" },
                GateVerdict.InvalidBaseline);

        return new Draft(shell with { CellProblems = problems, NotCompared = notCompared, NotComparedReasons = notComparedReasons }, null, checks,
            c => DrivingFolds(b, f, c, bSeeds, fSeeds, folds, eff.K));
    }

    private MetricCheck Check(EvaluationResult b, EvaluationResult f, Metric m, IReadOnlyList<string> bSeeds,
        IReadOnlyList<string> fSeeds, IReadOnlyList<string> folds, EffectivePolicy eff)
    {
        var bPerSeed = CellGrid.PerSeedMeans(b, m, bSeeds, folds);
        var fPerSeed = CellGrid.PerSeedMeans(f, m, fSeeds, folds);
        var bMean = Aggregator.Mean(bPerSeed);
        var fMean = Aggregator.Mean(fPerSeed);
        var std = Aggregator.SampleStd(bPerSeed);
        var floor = eff.Floors.For(m);
        var delta = fMean - bMean;

        var diffs = _pairing == Pairing.Cells
            ? bSeeds.SelectMany(s => folds.Select(fo => m.BadDirection(CellGrid.Value(f, m, s, fo) - CellGrid.Value(b, m, s, fo)))).ToList()
            : folds.Select(fo => m.BadDirection(Aggregator.Mean(CellGrid.FoldValues(f, m, fo, fSeeds)) - Aggregator.Mean(CellGrid.FoldValues(b, m, fo, bSeeds)))).ToList();
        var test = Wilcoxon.Greater(diffs);

        return new MetricCheck
        {
            Metric = m,
            BaselineMean = bMean,
            FreshMean = fMean,
            Delta = delta,
            BadDelta = m.BadDirection(delta),
            BaselineStd = std,
            K = eff.K,
            Floor = floor,
            Band = Math.Max(eff.K * std, floor),
            PairedN = test.N,
            PValue = test.PValue,
        };
    }

    private static IReadOnlyList<FoldShift> DrivingFolds(EvaluationResult b, EvaluationResult f, MetricCheck c,
        IReadOnlyList<string> bSeeds, IReadOnlyList<string> fSeeds, IReadOnlyList<string> folds, double k)
    {
        var shifts = FoldShifts.Of(b, f, c.Metric, bSeeds, fSeeds, folds, k, c.Floor)
            .OrderByDescending(s => s.BadDelta).ThenBy(s => s.Fold, StringComparer.Ordinal).ToList();
        var exceeding = shifts.Where(s => s.Exceeds).ToList();
        return exceeding.Count > 0 ? exceeding : shifts.Take(1).ToList();
    }

    private static List<CellProblem> CellProblems(EvaluationResult b, EvaluationResult f, IReadOnlyList<string> bSeeds,
        IReadOnlyList<string> fSeeds, IReadOnlyList<string> folds)
    {
        var problems = new List<CellProblem>();
        foreach (var s in fSeeds)
            foreach (var fo in folds)
            {
                var cell = CellGrid.Cell(f, s, fo)!;
                var bad = MetricExtensions.All.Where(m => metricValueNonFinite(cell, m) && BaselineFinite(m, fo, s)).ToList();
                if (cell.Diverged || bad.Count > 0) problems.Add(new CellProblem(fo, s, cell.Diverged, bad, cell.Note));
            }
        return problems;

        static bool metricValueNonFinite(Results.CellMetrics c, Metric m) => m.ValueIn(c) is { } v && !double.IsFinite(v);

        // With matched seeds, the same cell of the baseline; with fold pairing, any baseline seed of the fold.
        bool BaselineFinite(Metric m, string fold, string seed) =>
            CellGrid.Cell(b, seed, fold) is { } same
                ? m.ValueIn(same) is not { } v || double.IsFinite(v)
                : bSeeds.Any(bs => CellGrid.Cell(b, bs, fold) is { } c && (m.ValueIn(c) is not { } v2 || double.IsFinite(v2)));
    }

    private static bool AllFinite(EvaluationResult r, Metric m, IReadOnlyList<string> seeds, IReadOnlyList<string> folds) =>
        seeds.All(s => folds.All(fo => double.IsFinite(CellGrid.Value(r, m, s, fo))));

    private sealed record Draft(PairResult Result, GateVerdict? Verdict, IReadOnlyList<MetricCheck> Checks,
        Func<MetricCheck, IReadOnlyList<FoldShift>> FoldShifts)
    {
        public static Draft Fixed(PairResult result, GateVerdict verdict) => new(result, verdict, [], _ => []);
    }
}
