using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Protocol;

namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>The fold plan stores each row once (O(rows)) and still yields the same train/test split.</summary>
public sealed class FoldPlanTests
{
    [Fact]
    public void Create_SplitsEveryRowIntoExactlyOneTestSet_AndTrainsOnTheRest()
    {
        int[] groupOfRow = [1, 0, 2, 1, 0, 0, 2, 1];
        var corpus = Corpus(groupOfRow, ["a", "b", "c"]);

        var folds = FoldPlan.Create(corpus);

        Assert.Equal(["a", "b", "c"], folds.Select(f => f.HeldOut));
        Assert.Equal([1, 4, 5], folds[0].TestRows);
        Assert.Equal([0, 2, 3, 6, 7], folds[0].TrainRows);
        Assert.Equal([0, 3, 7], folds[1].TestRows);
        Assert.Equal([1, 2, 4, 5, 6], folds[1].TrainRows);
        Assert.Equal(5, folds[1].TrainCount);
        Assert.Equal(groupOfRow.Length, folds.Sum(f => f.TestRows.Length));
    }

    [Fact]
    public void PreparedInputBytes_GrowsWithFoldsTimesRows()
    {
        var groups = Enumerable.Range(0, 1000).SelectMany(g => new[] { g, g, g }).ToArray();
        var corpus = Corpus(groups, Enumerable.Range(0, 1000).Select(g => $"g{g}").ToList());

        var folds = FoldPlan.Create(corpus);

        // 1000 folds x (2997 train rows x (1 feature + target) + 3 test rows x 1 feature) x 4 bytes.
        Assert.Equal(1000L * (2997 * 2 + 3) * 4, FoldPlan.PreparedInputBytes(folds, 1));
    }

    private static VmafTiny.Repro.Corpus.LoadedCorpus Corpus(int[] groupOfRow, IReadOnlyList<string> names) =>
        new("t", ["f"], groupOfRow.Select(g => (double)g).ToArray(), groupOfRow.Select(g => (double)g).ToArray(), names, groupOfRow,
            new CorpusFingerprint("0", groupOfRow.Length, new Dictionary<string, long>()));
}
