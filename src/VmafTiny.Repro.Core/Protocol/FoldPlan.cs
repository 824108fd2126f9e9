using VmafTiny.Repro.Corpus;

namespace VmafTiny.Repro.Protocol;

/// <summary>
/// The protocol of the recipe (README, "The recipe"; shared/docs/recipe.md beside the repository): one fold per distinct group value, in ordinal order. The same
/// code serves leave-one-source-out (Netflix, 9 sources) and pre-assigned k-fold (KoNViD, 5 folds).
/// </summary>
public static class FoldPlan
{
    public static IReadOnlyList<FoldSplit> Create(LoadedCorpus corpus)
    {
        var folds = new List<FoldSplit>(corpus.GroupNames.Count);
        for (var g = 0; g < corpus.GroupNames.Count; g++)
        {
            var train = new List<int>(corpus.Rows);
            var test = new List<int>();
            for (var r = 0; r < corpus.Rows; r++)
                (corpus.GroupOfRow[r] == g ? test : train).Add(r);
            folds.Add(new FoldSplit(g, corpus.GroupNames[g], train.ToArray(), test.ToArray()));
        }
        return folds;
    }
}
