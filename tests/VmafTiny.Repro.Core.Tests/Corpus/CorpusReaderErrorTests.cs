using Parquet.Schema;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using static VmafTiny.Repro.Core.Tests.Corpus.FixtureFormula;

namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>Every bad corpus is a ReproException with its code, exit code 2, the file, a cause and a hint.</summary>
public sealed class CorpusReaderErrorTests : IDisposable
{
    private readonly CorpusReader _reader = new();
    private readonly ParquetNetFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static CorpusSpec Spec(string path, string group = "source") => new() { Name = "t", Path = path, GroupColumn = group };

    private ReproException AssertFails(string code, CorpusSpec spec)
    {
        var read = Assert.Throws<ReproException>(() => _reader.Read(spec));
        Assert.Equal(code, read.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, read.ExitCode);
        Assert.Equal(spec.Path, read.File);
        Assert.False(string.IsNullOrWhiteSpace(read.Hint));
        Assert.DoesNotContain('\n', read.ToOneLine());
        return read;
    }

    [Fact]
    public void Read_FailsWithVMR2001_WhenTheFileDoesNotExist() =>
        AssertFails("VMR2001", Spec(Path.Combine(_files.Folder, "nope.parquet")));

    [Fact]
    public void Read_FailsWithVMR2001_WhenThePathIsAFolder() =>
        Assert.Contains("it is a folder, not a regular file", AssertFails("VMR2001", Spec(_files.Folder)).Message);

    [Fact]
    public void Read_FailsWithVMR2002_WhenTheFileIsEmpty() => AssertFails("VMR2002", Spec(PathOf("empty.parquet")));

    [Theory]
    [InlineData("truncated.parquet")]
    [InlineData("not_parquet.parquet")]
    public void Read_FailsWithVMR2003AndKeepsTheCause_WhenTheFileIsNotParquet(string fixture)
    {
        var e = AssertFails("VMR2003", Spec(PathOf(fixture)));
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void Read_FailsWithVMR2003_WhenTheFooterIsIntactButAColumnChunkIsCorrupt()
    {
        var bytes = File.ReadAllBytes(PathOf("netflix_like_snappy.parquet"));
        for (var i = 200; i < 4000; i++) bytes[i] = 0x5A;
        var path = Path.Combine(_files.Folder, "corrupt.parquet");
        File.WriteAllBytes(path, bytes);

        AssertFails("VMR2003", Spec(path));
    }

    [Fact]
    public void Read_FailsWithVMR2004ListingMissingAndPresentColumns_WhenColumnsAreMissing()
    {
        var e = AssertFails("VMR2004", Spec(PathOf("missing_vif_scale2.parquet"), group: "clip"));

        Assert.Contains("'vif_scale2', 'vmaf', 'clip'", e.Message);
        // Long lists are cut to the first five and a count, so the line stays readable.
        Assert.Contains("it has 'adm2', 'vif_scale0', 'vif_scale1', 'vif_scale3', 'motion2' and 2 more", e.Message);
    }

    [Fact]
    public void Read_FailsWithVMR2005NamingColumnAndType_WhenAFeatureIsText()
    {
        var e = AssertFails("VMR2005", Spec(PathOf("string_feature.parquet")));

        Assert.Contains("'adm2' is a string column", e.Message);
    }

    [Fact]
    public void Read_FailsWithVMR2005_WhenTheTargetIsBoolean()
    {
        var path = _files.Write("bool.parquet", [.. ParquetNetFiles.CanonicalFeatures(9),
            (new DataField<bool>("vmaf"), Enumerable.Range(0, 9).Select(i => i % 2 == 0).ToArray()), ParquetNetFiles.Source(9)]);

        Assert.Contains("'vmaf' is a boolean column", AssertFails("VMR2005", Spec(path)).Message);
    }

    [Fact]
    public void Read_FailsWithVMR2006_WhenTheFileHasASelectedColumnTwice()
    {
        var path = _files.Write("dup.parquet", [.. ParquetNetFiles.CanonicalFeatures(9), ParquetNetFiles.Vmaf(9), ParquetNetFiles.Vmaf(9), ParquetNetFiles.Source(9)]);

        Assert.Contains("'vmaf'", AssertFails("VMR2006", Spec(path)).Message);
    }

    [Fact]
    public void Read_FailsWithVMR2006_WhenTheSpecUsesAColumnTwice()
    {
        var spec = Spec(PathOf("netflix_like_snappy.parquet")) with { Features = ["adm2", "adm2", "vmaf"] };

        Assert.Contains("'adm2', 'vmaf'", AssertFails("VMR2006", spec).Message);
    }

    [Fact]
    public void Read_FailsWithVMR2007NamingEachColumnAndCount_WhenNonFiniteValues()
    {
        var e = AssertFails("VMR2007", Spec(PathOf("nonfinite_snappy.parquet")));

        Assert.Contains("'vif_scale1' (6 NaN)", e.Message);
        Assert.Contains("'motion2' (1 Inf)", e.Message);
        Assert.Contains("'vmaf' (3 null)", e.Message);
        Assert.DoesNotContain("adm2", e.Message);
        Assert.Contains("drop_non_finite", e.Hint);
    }

    [Fact]
    public void Read_FailsWithVMR2008NamingGroupAndCount_WhenAGroupHasFewerThan3Rows()
    {
        var e = AssertFails("VMR2008", Spec(PathOf("tiny_group.parquet")));

        Assert.Contains("'CrowdRun' (2 rows)", e.Message);
    }

    [Fact]
    public void Read_FailsWithVMR2009_WhenThereIsOnlyOneGroup() =>
        Assert.Contains("'Tennis'", AssertFails("VMR2009", Spec(PathOf("single_group.parquet"))).Message);

    [Fact]
    public void Read_FailsWithVMR2010_WhenTheFileHasNoRows() => AssertFails("VMR2010", Spec(PathOf("zero_rows.parquet")));

    [Fact]
    public void Read_FailsWithVMR2010_WhenEveryRowIsDropped()
    {
        var nan = Enumerable.Repeat(double.NaN, 9).ToArray();
        var path = _files.Write("allnan.parquet", [.. ParquetNetFiles.CanonicalFeatures(9), (new DataField<double>("vmaf"), nan), ParquetNetFiles.Source(9)]);

        var e = AssertFails("VMR2010", Spec(path) with { DropNonFinite = true });
        Assert.Contains("after dropping 9", e.Message);
    }

    [Fact]
    public void Read_FailsWithVMR2011_WhenTheGroupColumnIsFloatingPoint()
    {
        var path = _files.Write("floatgroup.parquet", [.. ParquetNetFiles.CanonicalFeatures(9), ParquetNetFiles.Vmaf(9),
            (new DataField<double>("fold"), Enumerable.Range(0, 9).Select(i => (double)(i % 3)).ToArray())]);

        Assert.Contains("'fold' is a Double column", AssertFails("VMR2011", Spec(path, group: "fold")).Message);
    }

    [Fact]
    public void Read_FailsWithVMR2012_WhenTheGroupColumnHasNulls()
    {
        var groups = Enumerable.Range(0, 12).Select(i => i == 5 ? null : FixtureFormula.Source(i * 25)).ToArray();
        var path = _files.Write("nullgroup.parquet", [.. ParquetNetFiles.CanonicalFeatures(12), ParquetNetFiles.Vmaf(12), (new DataField<string>("source"), groups)]);

        Assert.Contains("1 null value", AssertFails("VMR2012", Spec(path)).Message);
    }

    [Fact]
    public void Read_AcceptsAConstantFeatureColumn()
    {
        var path = _files.Write("constant.parquet", [.. ParquetNetFiles.CanonicalFeatures(100).Skip(1),
            (new DataField<double>("adm2"), Enumerable.Repeat(1.0, 100).ToArray()), ParquetNetFiles.Vmaf(100), ParquetNetFiles.Source(100)]);

        var corpus = _reader.Read(Spec(path));

        Assert.Equal(100, corpus.Rows);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(1.0, corpus.Features[i * 6]));
    }

    [Fact]
    public void Read_TreatsNullableParquetNetColumnsLikeDuckDbOnes()
    {
        var values = Enumerable.Range(0, 100).Select(i => (double?)FixtureFormula.Vmaf(i)).ToArray();
        var path = _files.Write("nullable.parquet", [.. ParquetNetFiles.CanonicalFeatures(100),
            (new DataField<double?>("vmaf"), values), ParquetNetFiles.Source(100)]);

        var corpus = _reader.Read(Spec(path));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => FixtureFormula.Vmaf(i)), corpus.Target);
    }

    [Fact]
    public void Read_StopsWithOperationCanceled_WhenCancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _reader.Read(Spec(PathOf("netflix_like_snappy.parquet")), cts.Token));
    }
}
