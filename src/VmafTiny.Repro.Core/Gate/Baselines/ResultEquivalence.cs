using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// Whether a fresh result says the same as a baseline: same seeds, folds, recipe identity, corpus
/// identity and bit-identical cell metrics. Provenance, timing and stored aggregates are ignored.
/// </summary>
public static class ResultEquivalence
{
    public static bool SameNumbers(EvaluationResult a, EvaluationResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var seeds = CellGrid.Seeds(a);
        var folds = CellGrid.Folds(a);
        if (!seeds.SequenceEqual(CellGrid.Seeds(b)) || !folds.SequenceEqual(CellGrid.Folds(b))) return false;
        if (a.Epochs != b.Epochs || a.BatchSize != b.BatchSize || !a.Lr.Equals(b.Lr)) return false;
        if ((a.Recipe?.Fingerprint ?? "") != (b.Recipe?.Fingerprint ?? "")) return false;
        if ((a.Corpus?.Sha256 ?? "") != (b.Corpus?.Sha256 ?? "") || (a.Corpus?.Rows ?? 0) != (b.Corpus?.Rows ?? 0)) return false;
        foreach (var s in seeds)
            foreach (var f in folds)
            {
                if (CellGrid.Cell(a, s, f) is not { } x || CellGrid.Cell(b, s, f) is not { } y) return false;
                if (x.N != y.N || x.Diverged != y.Diverged || !x.Plcc.Equals(y.Plcc) || !x.Srocc.Equals(y.Srocc) ||
                    !x.Rmse.Equals(y.Rmse) || !Nullable.Equals(x.Krocc, y.Krocc))
                    return false;
            }
        return true;
    }
}
