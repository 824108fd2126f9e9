using VmafTiny.Repro.Config;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Core.Tests.Config;

/// <summary>The real corpora's configurations: "folds" (on-the-fly k-fold of clips) and configured feature names.</summary>
public sealed class FoldsConfigTests
{
    private static ReproConfig Parse(string corpus) =>
        ConfigLoader.Parse($$"""{ "corpora": { "konvid": {{corpus}} } }""", Path.Combine(Path.GetTempPath(), "vmaf-repro.json"));

    private static ReproException Fails(string corpus) => Assert.Throws<ReproException>(() => Parse(corpus));

    [Fact]
    public void Folds_AssignsTheGroupColumnsClips_WithSeed0ByDefault()
    {
        var spec = Parse("""{ "path": "pairs.parquet", "protocol": "kfold", "group_column": "key", "folds": 5 }""").Corpora[0];

        Assert.Equal(new FoldAssignmentSettings(5, 0, "key"), spec.AssignFolds);
        Assert.Equal("kfold", spec.Protocol);
    }

    [Fact]
    public void Folds_TakesTheConfiguredFoldSeed_AndImpliesKfold()
    {
        var spec = Parse("""{ "path": "pairs.parquet", "group_column": "key", "folds": 3, "fold_seed": 11 }""").Corpora[0];

        Assert.Equal(new FoldAssignmentSettings(3, 11, "key"), spec.AssignFolds);
        Assert.Equal("kfold", spec.Protocol);
    }

    [Fact]
    public void NoFolds_KeepsPreAssignedGroups()
    {
        var spec = Parse("""{ "path": "f.parquet", "protocol": "kfold", "group_column": "fold" }""").Corpora[0];

        Assert.Null(spec.AssignFolds);
    }

    [Fact]
    public void Folds_WithLoso_IsVMR3108()
    {
        var e = Fails("""{ "path": "p.parquet", "protocol": "loso", "group_column": "key", "folds": 5 }""");

        Assert.Equal("VMR3108", e.Code);
        Assert.Contains("\"kfold\" protocol", e.Message);
    }

    [Fact]
    public void FoldSeed_WithoutFolds_IsVMR3108()
    {
        Assert.Equal("VMR3108", Fails("""{ "path": "p.parquet", "fold_seed": 3 }""").Code);
    }

    [Theory]
    [InlineData("""{ "path": "p.parquet", "group_column": "key", "folds": 1 }""")]
    [InlineData("""{ "path": "p.parquet", "group_column": "key", "folds": 5, "fold_seed": -2 }""")]
    public void Folds_BelowTwoOrANegativeSeed_IsVMR2022_NamingTheCorpus(string corpus)
    {
        var e = Fails(corpus);

        Assert.Equal("VMR2022", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
        Assert.Contains("corpus 'konvid'", e.Message);
    }

    [Fact]
    public void ConfiguredFeatures_AreExact_AndTheDefaultAcceptsIntegerNames()
    {
        Assert.True(Parse("""{ "path": "p.parquet", "features": ["integer_adm2"] }""").Corpora[0].FeaturesExplicit);
        Assert.False(Parse("""{ "path": "p.parquet" }""").Corpora[0].FeaturesExplicit);
    }
}
