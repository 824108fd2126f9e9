using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>
/// How each fold's mean over seeds moved, and the fold's own threshold max(k × the fold's baseline
/// std over seeds, floor). One rule for the driving folds of a regression and the folds the
/// per-fold chart marks.
/// </summary>
internal static class FoldShifts
{
    /// <summary>One shift per fold, in <paramref name="folds"/> order.</summary>
    public static IReadOnlyList<FoldShift> Of(EvaluationResult baseline, EvaluationResult fresh, Metric metric,
        IReadOnlyList<string> baselineSeeds, IReadOnlyList<string> freshSeeds, IReadOnlyList<string> folds, double k, double floor) =>
        folds.Select(fo =>
        {
            var bv = CellGrid.FoldValues(baseline, metric, fo, baselineSeeds);
            var fv = CellGrid.FoldValues(fresh, metric, fo, freshSeeds);
            var bm = Aggregator.Mean(bv);
            var fm = Aggregator.Mean(fv);
            return new FoldShift(fo, bm, fm, metric.BadDirection(fm - bm), Math.Max(k * Aggregator.SampleStd(bv), floor));
        }).ToList();
}
