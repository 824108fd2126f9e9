using Parquet;
using Parquet.Schema;
using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Core.Tests.Synthetic;

public sealed class SyntheticStampTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-stamp-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    [Fact]
    public void WriteParquet_StampsTheFooter_WithTheGeneratorVersionShapeRowsAndSeed()
    {
        var path = PathOf("a.parquet");
        SyntheticCorpus.WriteParquet(SyntheticCorpus.Generate(SyntheticShape.KoNViD, 300, 7), path);

        Assert.Equal($"generator=v{SyntheticCorpus.GeneratorVersion};shape=konvid;rows=300;seed=7", SyntheticStamp.Read(path));
    }

    [Fact]
    public void NeedsGenerating_IsTrue_WhenTheFileIsMissing() =>
        Assert.True(SyntheticCorpus.NeedsGenerating(PathOf("none.parquet"), SyntheticShape.Netflix, 300, 1));

    [Fact]
    public void NeedsGenerating_IsFalse_ForTheFileThisGeneratorWroteForTheSameSettings()
    {
        var path = PathOf("same.parquet");
        SyntheticCorpus.WriteParquet(SyntheticCorpus.Generate(SyntheticShape.Netflix, 300, 1), path);

        Assert.False(SyntheticCorpus.NeedsGenerating(path, SyntheticShape.Netflix, 300, 1));
    }

    [Theory]
    [InlineData(SyntheticShape.Netflix, 301, 1UL)]
    [InlineData(SyntheticShape.Netflix, 300, 2UL)]
    [InlineData(SyntheticShape.KoNViD, 300, 1UL)]
    public void NeedsGenerating_IsTrue_WhenTheFileWasWrittenForOtherSettings(SyntheticShape shape, int rows, ulong seed)
    {
        var path = PathOf("other.parquet");
        SyntheticCorpus.WriteParquet(SyntheticCorpus.Generate(SyntheticShape.Netflix, 300, 1), path);

        Assert.True(SyntheticCorpus.NeedsGenerating(path, shape, rows, seed));
    }

    [Fact]
    public void NeedsGenerating_IsTrue_ForAParquetFileWithoutAStamp_AsOlderGeneratorsWroteThem()
    {
        var path = PathOf("v2.parquet");
        WriteUnstampedParquet(path);

        Assert.Null(SyntheticStamp.Read(path));
        Assert.True(SyntheticCorpus.NeedsGenerating(path, SyntheticShape.Netflix, 300, 1));
    }

    [Fact]
    public void NeedsGenerating_LeavesAFileThatIsNotParquetToTheReader()
    {
        var path = PathOf("garbage.parquet");
        File.WriteAllText(path, "not a parquet file at all, just text");

        Assert.False(SyntheticCorpus.NeedsGenerating(path, SyntheticShape.Netflix, 300, 1));
    }

    private static void WriteUnstampedParquet(string path) => WriteUnstampedParquetAsync(path).GetAwaiter().GetResult();

    private static async Task WriteUnstampedParquetAsync(string path)
    {
        var field = new DataField<double>("vmaf");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
        using var rowGroup = writer.CreateRowGroup();
        await rowGroup.WriteAsync<double>(field, new double[] { 1, 2, 3 }.AsMemory());
    }
}
