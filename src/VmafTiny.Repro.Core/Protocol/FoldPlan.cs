using VmafTiny.Repro.Corpus;

namespace VmafTiny.Repro.Protocol;

/// <summary>
/// The protocol of the recipe (README, "The recipe"; shared/docs/recipe.md beside the repository): one fold per distinct group value, in ordinal order. The same
/// code serves leave-one-source-out (Netflix, 9 sources) and pre-assigned k-fold (KoNViD, 5 folds).
/// The plan takes O(rows) memory whatever the number of groups: each row is stored once, in the
/// held-out list of its group.
/// </summary>
public static class FoldPlan
{
    public static IReadOnlyList<FoldSplit> Create(LoadedCorpus corpus)
    {
        var groups = corpus.GroupNames.Count;
        var counts = new int[groups];
        foreach (var g in corpus.GroupOfRow) counts[g]++;
        var test = new int[groups][];
        for (var g = 0; g < groups; g++) test[g] = new int[counts[g]];
        var filled = new int[groups];
        for (var r = 0; r < corpus.Rows; r++)
        {
            var g = corpus.GroupOfRow[r];
            test[g][filled[g]++] = r;
        }
        var folds = new List<FoldSplit>(groups);
        for (var g = 0; g < groups; g++)
            folds.Add(new FoldSplit(g, corpus.GroupNames[g], test[g], corpus.Rows));
        return folds;
    }

    /// <summary>
    /// Bytes of the standardised float32 inputs (training features and targets, held-out features)
    /// that preparing <paramref name="folds"/> at once takes: every fold copies nearly the whole
    /// corpus, so this grows with folds × rows.
    /// </summary>
    public static long PreparedInputBytes(IEnumerable<FoldSplit> folds, int featureCount) =>
        folds.Sum(f => ((long)f.TrainCount * (featureCount + 1) + (long)f.TestRows.Length * featureCount) * sizeof(float));
}
