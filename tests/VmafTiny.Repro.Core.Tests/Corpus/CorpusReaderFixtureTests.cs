using VmafTiny.Repro.Corpus;
using static VmafTiny.Repro.Core.Tests.Corpus.FixtureFormula;

namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>Reads the files DuckDB wrote (eng/fixtures/make-parquet-fixtures.mjs) and checks every value.</summary>
public sealed class CorpusReaderFixtureTests
{
    private readonly CorpusReader _reader = new();

    private static CorpusSpec Spec(string fixture, string group = "source", string target = "vmaf") =>
        new() { Name = fixture, Path = PathOf(fixture), GroupColumn = group, Target = target };

    private static void AssertFeatureValues(LoadedCorpus corpus, Func<string, long, double> expected, Func<long, double> expectedTarget)
    {
        for (var i = 0; i < corpus.Rows; i++)
        {
            for (var f = 0; f < corpus.FeatureCount; f++)
                Assert.Equal(expected(corpus.FeatureNames[f], i), corpus.Features[i * corpus.FeatureCount + f]);
            Assert.Equal(expectedTarget(i), corpus.Target[i]);
        }
    }

    [Fact]
    public void Read_ReturnsTheWrittenValues_WhenDoublesAndDictionaryStringsInSeveralSnappyRowGroups()
    {
        var corpus = _reader.Read(Spec("netflix_like_snappy.parquet"));
        var report = corpus.ReadReport!;

        Assert.Equal(1000, corpus.Rows);
        Assert.Equal(5, report.RowGroups);
        Assert.Equal(0, report.DroppedRows);
        Assert.Equal(Features, corpus.FeatureNames);
        AssertFeatureValues(corpus, Feature, Vmaf);
        Assert.Equal(["BigBuckBunny", "CrowdRun", "FoxBird", "Tennis"], corpus.GroupNames);
        for (var i = 0; i < corpus.Rows; i++)
            Assert.Equal(Source(i), corpus.GroupNames[corpus.GroupOfRow[i]]);
        Assert.Equal(PathOf("netflix_like_snappy.parquet"), corpus.Path);
        Assert.Equal("netflix_like_snappy.parquet", corpus.Name);
    }

    [Fact]
    public void Read_WidensFloat32ToTheSameDoubles_WhenZstdFloatColumns()
    {
        var corpus = _reader.Read(Spec("float32_zstd.parquet"));

        Assert.Equal(600, corpus.Rows);
        AssertFeatureValues(corpus, (name, i) => (float)Feature(name, i), i => (float)Vmaf(i));
        Assert.Equal(Source(599), corpus.GroupNames[corpus.GroupOfRow[599]]);
    }

    [Fact]
    public void Read_ConvertsIntegerFeatureAndTarget_WhenGzipInt32AndInt64Columns()
    {
        var corpus = _reader.Read(Spec("int_feature_gzip.parquet"));

        Assert.Equal(600, corpus.Rows);
        AssertFeatureValues(corpus, (name, i) => name == "motion2" ? i % 13 : Feature(name, i), i => i % 101);
    }

    [Fact]
    public void Read_UsesIntegerGroupsAsInvariantStrings_WhenGroupColumnIsAnIntFold()
    {
        var corpus = _reader.Read(Spec("fold_int_group_uncompressed.parquet", group: "fold"));

        Assert.Equal(500, corpus.Rows);
        AssertFeatureValues(corpus, Feature, Vmaf);
        Assert.Equal(["0", "1", "2", "3", "4"], corpus.GroupNames);
        for (var i = 0; i < corpus.Rows; i++)
            Assert.Equal(Fold(i), corpus.GroupNames[corpus.GroupOfRow[i]]);
        Assert.All(corpus.Fingerprint.RowsPerGroup.Values, n => Assert.Equal(100, n));
    }

    [Fact]
    public void Read_SelectsFeaturesByName_InTheConfiguredOrderNotTheFileOrder()
    {
        string[] features = ["motion2", "adm2"];
        var corpus = _reader.Read(Spec("netflix_like_reordered_gzip.parquet") with { Features = features });

        Assert.Equal(features, corpus.FeatureNames);
        AssertFeatureValues(corpus, Feature, Vmaf);
    }

    [Fact]
    public void Read_AcceptsAnyTargetColumnName_WhenConfigured()
    {
        var spec = Spec("missing_vif_scale2.parquet", target: "score") with { Features = ["adm2", "vif_scale0", "vif_scale1", "vif_scale3", "motion2"] };

        var corpus = _reader.Read(spec);

        Assert.Equal(100, corpus.Rows);
        AssertFeatureValues(corpus, Feature, Vmaf);
    }

    [Fact]
    public void Read_DropsAndCountsNonFiniteRows_WhenDropNonFiniteIsSet()
    {
        var corpus = _reader.Read(Spec("nonfinite_snappy.parquet") with { DropNonFinite = true });
        var report = corpus.ReadReport!;

        Assert.Equal(300, report.RowsInFile);
        Assert.Equal(10, report.DroppedRows);
        Assert.Equal(290, corpus.Rows);
        Assert.Equal(6, report.NonFiniteByColumn["vif_scale1"]);
        Assert.Equal(1, report.NonFiniteByColumn["motion2"]);
        Assert.Equal(3, report.NonFiniteByColumn["vmaf"]);
        Assert.Equal(0, report.NonFiniteByColumn["adm2"]);
        var kept = Enumerable.Range(0, 300).Where(i => i % 50 != 7 && i != 42 && i % 100 != 13).ToArray();
        for (var r = 0; r < kept.Length; r++)
        {
            Assert.Equal(Feature("adm2", kept[r]), corpus.Features[r * 6]);
            Assert.Equal(Vmaf(kept[r]), corpus.Target[r]);
        }
        Assert.Equal(96, corpus.Fingerprint.RowsPerGroup["BigBuckBunny"]); // 7, 13, 42, 57 dropped
    }

    [Fact]
    public void Fingerprint_IsTheSame_WhenOnlyCompressionRowGroupsAndColumnOrderDiffer()
    {
        var snappy = _reader.Read(Spec("netflix_like_snappy.parquet")).Fingerprint;
        var gzip = _reader.Read(Spec("netflix_like_reordered_gzip.parquet")).Fingerprint;

        Assert.Equal(snappy, gzip);
        Assert.Equal(snappy.Sha256, gzip.Sha256);
        Assert.Equal(1000, snappy.Rows);
        Assert.Equal(250, snappy.RowsPerGroup["Tennis"]);
    }

    [Fact]
    public void Fingerprint_Differs_WhenTheValuesDiffer()
    {
        var doubles = _reader.Read(Spec("netflix_like_snappy.parquet")).Fingerprint;
        var floats = _reader.Read(Spec("float32_zstd.parquet")).Fingerprint;

        Assert.NotEqual(doubles.Sha256, floats.Sha256);
    }

    [Fact]
    public void Fingerprint_Differs_WhenTheSelectedColumnsDiffer()
    {
        var all = _reader.Read(Spec("netflix_like_snappy.parquet")).Fingerprint;
        var fewer = _reader.Read(Spec("netflix_like_snappy.parquet") with { Features = ["adm2", "motion2"] }).Fingerprint;

        Assert.NotEqual(all.Sha256, fewer.Sha256);
    }
}
