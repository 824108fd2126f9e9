using VmafTiny.Repro.Core.Tests.Corpus;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Protocol;
using static VmafTiny.Repro.Core.Tests.Corpus.ReferenceFixtureFormula;

namespace VmafTiny.Repro.Core.Tests.Protocol;

public sealed class FoldAssignmentTests
{
    private static List<KeyValuePair<string, long>> Groups(params long[] rows) =>
        rows.Select((n, i) => KeyValuePair.Create(((char)('a' + i)).ToString(), n)).ToList();

    [Fact]
    public void Assign_DealsShuffledGroupsToTheFoldWithFewestRows_LowestIndexOnTies()
    {
        // numpy.random.default_rng(0).permutation(7) = [2, 4, 3, 6, 5, 0, 1] (test vectors). Loads:
        // c30→f0 [30,0,0]; e50→f1 [30,50,0]; d40→f2 [30,50,40]; g70→f0 [100,50,40];
        // f60→f2 [100,50,100]; a10→f1 [100,60,100]; b20→f1 [100,80,100].
        var folds = FoldAssignment.Assign(Groups(10, 20, 30, 40, 50, 60, 70), new FoldAssignmentSettings(3, 0, "key"));

        Assert.Equal([1, 1, 0, 2, 1, 2, 0], folds);
    }

    [Fact]
    public void Assign_KeepsEveryFoldNonEmptyAndBalanced_OnTheKonvidPairsFixture()
    {
        var corpus = new CorpusReader().Read(new CorpusSpec { Name = "konvid", Path = PathOf("konvid_pairs.parquet"), GroupColumn = "key" });
        var groups = corpus.GroupNames.Select(n => KeyValuePair.Create(n, corpus.Fingerprint.RowsPerGroup[n])).ToList();

        var folds = FoldAssignment.Assign(groups, new FoldAssignmentSettings(5, 0, "key"));

        var rows = Enumerable.Range(0, 5).Select(j => groups.Where((_, g) => folds[g] == j).Sum(g => g.Value)).ToArray();
        Assert.All(rows, r => Assert.True(r > 0));
        Assert.Equal(KonvidRows, rows.Sum());
        Assert.True(rows.Max() - rows.Min() <= KonvidClipRows.Max(), string.Join(",", rows));
    }

    [Fact]
    public void Assign_IsDeterministic_AndAnotherSeedGivesAnotherAssignment()
    {
        var groups = Groups(Enumerable.Range(0, 20).Select(i => 10L + i % 3).ToArray());

        var a = FoldAssignment.Assign(groups, new FoldAssignmentSettings(5, 7, "key"));
        var b = FoldAssignment.Assign(groups, new FoldAssignmentSettings(5, 7, "key"));
        var c = FoldAssignment.Assign(groups, new FoldAssignmentSettings(5, 8, "key"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Assign_FailsWithVMR2021_WhenThereAreFewerGroupsThanFolds()
    {
        var e = Assert.Throws<ReproException>(() => FoldAssignment.Assign(Groups(10, 10, 10), new FoldAssignmentSettings(5, 0, "key")));

        Assert.Equal("VMR2021", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
        Assert.Contains("3 groups of 'key' to 5 folds", e.Message);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 0)]
    [InlineData(1001, 0)]
    [InlineData(5, -1)]
    public void Validate_FailsWithVMR2022_WhenKBelow2OrTooLarge_OrTheSeedIsNegative(int k, int seed)
    {
        var e = Assert.Throws<ReproException>(() => FoldAssignment.Validate(new FoldAssignmentSettings(k, seed, "key"), "--k"));

        Assert.Equal("VMR2022", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
    }

    [Fact]
    public void Apply_RegroupsWholeClipsIntoFolds_AndItsFingerprintDependsOnTheAssignment()
    {
        var keyed = new CorpusReader().Read(new CorpusSpec { Name = "konvid", Path = PathOf("konvid_pairs.parquet"), GroupColumn = "key" });

        var seed0 = FoldAssignment.Apply(keyed, new FoldAssignmentSettings(5, 0, "key"), "vmaf");
        var seed1 = FoldAssignment.Apply(keyed, new FoldAssignmentSettings(5, 1, "key"), "vmaf");

        Assert.Equal(["fold0", "fold1", "fold2", "fold3", "fold4"], seed0.GroupNames);
        Assert.Equal(keyed.Features, seed0.Features);
        Assert.Equal(keyed.Target, seed0.Target);
        // A clip is never split: every row of a key lands in the same fold.
        var foldOfKey = new Dictionary<int, int>();
        for (var r = 0; r < keyed.Rows; r++)
            Assert.Equal(foldOfKey.TryAdd(keyed.GroupOfRow[r], seed0.GroupOfRow[r]) ? seed0.GroupOfRow[r] : foldOfKey[keyed.GroupOfRow[r]], seed0.GroupOfRow[r]);
        Assert.NotEqual(keyed.Fingerprint.Sha256, seed0.Fingerprint.Sha256);
        Assert.NotEqual(seed0.Fingerprint.Sha256, seed1.Fingerprint.Sha256);
        Assert.Equal(KonvidRows, seed0.Fingerprint.RowsPerGroup.Values.Sum());
    }

    [Fact]
    public void Apply_OrdersTenOrMoreFoldsLikeTheReader_Ordinally()
    {
        var keyed = new CorpusReader().Read(new CorpusSpec { Name = "konvid", Path = PathOf("konvid_pairs.parquet"), GroupColumn = "key" });

        var corpus = FoldAssignment.Apply(keyed, new FoldAssignmentSettings(12, 0, "key"), "vmaf");

        Assert.Equal(["fold0", "fold1", "fold10", "fold11", "fold2"], corpus.GroupNames.Take(5));
        Assert.Equal(corpus.GroupNames.Select(n => corpus.Fingerprint.RowsPerGroup[n]),
            corpus.GroupNames.Select((_, g) => (long)corpus.GroupOfRow.Count(x => x == g)));
    }
}
