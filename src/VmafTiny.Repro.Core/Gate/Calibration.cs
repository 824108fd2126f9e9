using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>One rerun's calibration outcome.</summary>
/// <param name="Index">Position in the reruns list.</param>
/// <param name="Verdict">The gate's verdict on the unchanged rerun (Regressed = a false alarm).</param>
/// <param name="DetectablePlccDrop">Smallest uniform PLCC drop the gate flags; 0 for a false alarm, +Inf when not even a drop of 1 is flagged, NaN when not comparable.</param>
/// <param name="MaxCellPlccDifference">With <see cref="Pairing.Cells"/>: the largest |PLCC difference| between a rerun cell and the baseline's same (fold, seed) cell (0 = reproduced bit for bit); NaN with <see cref="Pairing.FoldMeans"/> or when not comparable.</param>
public sealed record CalibrationRun(int Index, GateVerdict Verdict, double DetectablePlccDrop, double MaxCellPlccDifference = double.NaN);

/// <summary>What <see cref="Calibration.Estimate"/> found.</summary>
/// <param name="Compared">Reruns that were comparable with the baseline.</param>
/// <param name="FalseAlarmRate">Fraction of the compared reruns judged Regressed.</param>
/// <param name="MedianDetectablePlccDrop">Median over compared reruns of the smallest flagged uniform PLCC drop.</param>
/// <param name="Runs">Per rerun, in input order.</param>
public sealed record CalibrationResult(int Compared, double FalseAlarmRate, double MedianDetectablePlccDrop, IReadOnlyList<CalibrationRun> Runs)
{
    /// <summary>The largest <see cref="CalibrationRun.MaxCellPlccDifference"/> over compared reruns (NaN without cell pairing).</summary>
    public double MaxCellPlccDifference =>
        Runs.Where(r => r.Verdict != GateVerdict.NotComparable).Select(r => r.MaxCellPlccDifference).DefaultIfEmpty(double.NaN).Max();
}

/// <summary>
/// Estimates how the gate behaves on a (corpus, arch) from reruns of the same recipe, with other
/// seed sets or with the baseline's own seeds.
/// </summary>
/// <remarks>
/// <para>Method. Each rerun is compared with the baseline by <see cref="GateEvaluator"/> with the
/// given pairing. Reruns with other seeds use <see cref="Pairing.FoldMeans"/>: since the seeds
/// differ, cells cannot be paired, so the paired Wilcoxon test runs over folds on each side's
/// per-fold mean over its own seeds, and the seed-set check is skipped (folds, recipe and corpus
/// must still match). Reruns with the baseline's own seeds use <see cref="Pairing.Cells"/>, exactly
/// as <c>verify</c> judges a change: a same-seed rerun measures the gate as CI runs it (on one
/// machine the fused engine reproduces every cell bit for bit, so the rerun shows Δ = 0 and the
/// detectable drop is what the cell-paired test and the floor allow). The bands are unchanged
/// (max(k × baseline across-seed std, floor) on the overall means). Each rerun is judged alone, so
/// Holm adjusts over that pair's metrics only.</para>
/// <para>False-alarm rate: the fraction of comparable reruns judged Regressed. A rerun is a fresh
/// draw of the training noise with no real change, so every Regressed verdict is a false alarm.</para>
/// <para>Detectable drop: for each rerun, δ is subtracted from every cell's PLCC and the smallest δ
/// for which the verdict is Regressed is found by bisection (the verdict is monotone in δ: the
/// overall mean and every fold mean drop by exactly δ). The bracket starts at [0, 1e-4] and
/// doubles until flagged (up to 1); 40 halvings follow. A false alarm gives δ = 0. The median over
/// comparable reruns is reported.</para>
/// <para>With 5 folds the exact one-sided Wilcoxon p is at least 1/32, which Holm over 3–4
/// metrics lifts above 0.05: on such corpora only the band can fire in this mode.</para>
/// </remarks>
public static class Calibration
{
    private const int Halvings = 40;

    public static CalibrationResult Estimate(EvaluationResult baseline, IReadOnlyList<EvaluationResult> reruns, GatePolicy policy, string corpus, string arch,
        Pairing pairing = Pairing.FoldMeans)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(reruns);
        ArgumentNullException.ThrowIfNull(policy);
        var evaluator = new GateEvaluator(policy, pairing: pairing);
        GateVerdict Judge(EvaluationResult fresh) =>
            evaluator.Evaluate([new GateEntry(corpus, arch, baseline, fresh)]).Pairs[0].Verdict;

        var runs = new List<CalibrationRun>();
        for (var i = 0; i < reruns.Count; i++)
        {
            var verdict = Judge(reruns[i]);
            if (verdict == GateVerdict.NotComparable)
            {
                runs.Add(new CalibrationRun(i, verdict, double.NaN));
                continue;
            }
            var rerun = reruns[i];
            bool Flags(double delta) => Judge(ShiftPlcc(rerun, delta)) == GateVerdict.Regressed;
            var cellDifference = pairing == Pairing.Cells ? MaxCellPlccDifference(baseline, rerun) : double.NaN;
            runs.Add(new CalibrationRun(i, verdict, verdict == GateVerdict.Regressed ? 0 : SmallestFlagged(Flags), cellDifference));
        }

        var compared = runs.Where(r => r.Verdict != GateVerdict.NotComparable).ToList();
        var rate = compared.Count == 0 ? double.NaN : compared.Count(r => r.Verdict == GateVerdict.Regressed) / (double)compared.Count;
        return new CalibrationResult(compared.Count, rate, Median(compared.Select(r => r.DetectablePlccDrop).ToList()), runs);
    }

    private static double SmallestFlagged(Func<double, bool> flags)
    {
        double lo = 0, hi = 1e-4;
        while (!flags(hi))
        {
            lo = hi;
            hi *= 2;
            if (hi > 1) return double.PositiveInfinity;
        }
        for (var i = 0; i < Halvings; i++)
        {
            var mid = (lo + hi) / 2;
            if (flags(mid)) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    private static double MaxCellPlccDifference(EvaluationResult baseline, EvaluationResult rerun)
    {
        var max = 0.0;
        foreach (var seed in CellGrid.Seeds(baseline))
            foreach (var fold in CellGrid.Folds(baseline))
                max = Math.Max(max, Math.Abs(CellGrid.Value(rerun, Metric.Plcc, seed, fold) - CellGrid.Value(baseline, Metric.Plcc, seed, fold)));
        return max;
    }

    /// <summary>A copy of <paramref name="r"/> with <paramref name="delta"/> subtracted from every cell's PLCC.</summary>
    internal static EvaluationResult ShiftPlcc(EvaluationResult r, double delta)
    {
        var copy = ResultJson.Deserialize(ResultJson.Serialize(r), "calibration copy");
        foreach (var folds in copy.PerSeedPerFold.Values)
            foreach (var cell in folds.Values)
                cell.Plcc -= delta;
        return copy;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
