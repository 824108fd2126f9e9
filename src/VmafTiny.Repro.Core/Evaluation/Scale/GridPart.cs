using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Evaluation.Scale;

/// <summary>
/// One multi-seed evaluation of a grid: an architecture on a loaded corpus, with its recipe and
/// seeds. <c>verify</c> has one per selected (corpus, arch), <c>run</c> one, <c>calibrate</c> one
/// per (corpus, arch, rerun).
/// </summary>
public sealed record GridPart(CorpusSpec Spec, LoadedCorpus Corpus, Architecture Arch, TrainingRecipe Recipe, IReadOnlyList<int> Seeds)
{
    /// <summary>Its cells: every (fold, seed), costed by <see cref="FlopCount.Training"/> on the fold's training rows.</summary>
    public IEnumerable<GridCell> Cells()
    {
        foreach (var fold in FoldPlan.Create(Corpus))
        {
            var cost = FlopCount.Training(Arch, Corpus.FeatureCount, fold.TrainCount, Recipe.Epochs);
            foreach (var seed in Seeds) yield return new GridCell(Spec.Name, Arch.Name, fold.HeldOut, seed, cost);
        }
    }

    /// <summary>Every cell of every part, in order.</summary>
    public static IReadOnlyList<GridCell> CellsOf(IEnumerable<GridPart> parts) => parts.SelectMany(p => p.Cells()).ToList();
}
