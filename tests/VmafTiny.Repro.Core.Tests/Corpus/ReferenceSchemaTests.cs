using Parquet.Schema;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using static VmafTiny.Repro.Core.Tests.Corpus.ReferenceFixtureFormula;

namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>
/// The Netflix corpus as the reference pipeline writes it (source, dis_basename, frame_index, codec,
/// vmaf and 22 feature columns; DuckDB fixtures), with plain and with libvmaf's integer_ names.
/// </summary>
public sealed class ReferenceSchemaTests
{
    private static CorpusSpec Spec(string fixture) => new() { Name = "netflix", Path = PathOf(fixture) };

    [Fact]
    public void CanonicalFeatures_AreInTheReferenceOrder_AdmThenVifScalesThenMotion()
    {
        // The order fixes which input row of the first layer each feature meets (shared/docs/recipe.md).
        Assert.Equal(["adm2", "vif_scale0", "vif_scale1", "vif_scale2", "vif_scale3", "motion2"], CorpusSpec.CanonicalFeatures);
    }

    [Theory]
    [InlineData("netflix_reference.parquet")]
    [InlineData("netflix_reference_integer.parquet")]
    public void Read_PicksTheSixFeaturesByName_InTheReferenceOrder_OutOfTheReferenceSchema(string fixture)
    {
        var corpus = new CorpusReader().Read(Spec(fixture));

        Assert.Equal(NetflixRows, corpus.Rows);
        Assert.Equal(CorpusSpec.CanonicalFeatures, corpus.FeatureNames);
        Assert.Equal(["BigBuckBunny", "CrowdRun", "Tennis"], corpus.GroupNames);
        for (var i = 0; i < corpus.Rows; i++)
        {
            // The file holds the 22 features alphabetically; the decoys are ≥ 1000, so a wrong pick shows.
            for (var f = 0; f < 6; f++)
                Assert.Equal(FixtureFormula.Feature(CorpusSpec.CanonicalFeatures[f], i), corpus.Features[i * 6 + f]);
            Assert.Equal(NetflixVmaf(i), corpus.Target[i]);
            Assert.Equal(NetflixSource(i), corpus.GroupNames[corpus.GroupOfRow[i]]);
        }
    }

    [Fact]
    public void Read_GivesTheSameFingerprint_ForIntegerPrefixedAndPlainNames()
    {
        var plain = new CorpusReader().Read(Spec("netflix_reference.parquet"));
        var integer = new CorpusReader().Read(Spec("netflix_reference_integer.parquet"));

        Assert.Equal(plain.Fingerprint, integer.Fingerprint);
    }

    [Fact]
    public void Read_TakesConfiguredFeatureNamesExactly_WithoutTheIntegerFallback()
    {
        var spec = Spec("netflix_reference_integer.parquet") with { FeaturesExplicit = true };

        var e = Assert.Throws<ReproException>(() => new CorpusReader().Read(spec));
        Assert.Equal("VMR2004", e.Code);
        Assert.Contains("'adm2'", e.Message);

        var named = spec with { Features = CorpusSpec.CanonicalFeatures.Select(f => "integer_" + f).ToArray() };
        Assert.Equal(NetflixRows, new CorpusReader().Read(named).Rows);
    }

    [Fact]
    public void Read_FailsWithVMR2020_NamingBoth_WhenAFileHasAdm2AndIntegerAdm2()
    {
        using var files = new ParquetNetFiles();
        var path = files.Write("both.parquet",
            [.. ParquetNetFiles.CanonicalFeatures(30), (new DataField<double>("integer_adm2"), new double[30]), ParquetNetFiles.Vmaf(30), ParquetNetFiles.Source(30)]);

        var e = Assert.Throws<ReproException>(() => new CorpusReader().Read(new CorpusSpec { Name = "both", Path = path }));

        Assert.Equal("VMR2020", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
        Assert.Contains("'adm2' and 'integer_adm2'", e.Message);
        Assert.Contains("features", e.Hint);
    }

    [Fact]
    public void Read_SettlesTheAmbiguity_WhenTheFeaturesAreConfigured()
    {
        using var files = new ParquetNetFiles();
        var path = files.Write("both.parquet",
            [.. ParquetNetFiles.CanonicalFeatures(30), (new DataField<double>("integer_adm2"), Enumerable.Repeat(7.0, 30).ToArray()), ParquetNetFiles.Vmaf(30), ParquetNetFiles.Source(30)]);
        var spec = new CorpusSpec { Name = "both", Path = path, FeaturesExplicit = true, Features = ["integer_adm2", "vif_scale0", "vif_scale1", "vif_scale2", "vif_scale3", "motion2"] };

        var corpus = new CorpusReader().Read(spec);

        Assert.Equal(7.0, corpus.Features[0]);
    }
}
