using Parquet;
using Parquet.Schema;
using VmafTiny.Repro.Core.Tests.Corpus;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Protocol;
using static VmafTiny.Repro.Core.Tests.Corpus.ReferenceFixtureFormula;

namespace VmafTiny.Repro.Core.Tests.Protocol;

/// <summary>The folds file of the KoNViD pairs file (key, frame_index, six features, vmaf; no fold column).</summary>
public sealed class FoldsFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-folds-");
    private static readonly FoldAssignmentSettings Five = new(5, 3, "key");

    private string Out(string name = "konvid_folds.parquet") => Path.Combine(_dir.FullName, name);

    [Fact]
    public async Task Write_CopiesEveryColumnAndRow_AddsSource_AndRecordsTheAssignmentInTheMetadata()
    {
        var outcome = FoldsFile.Write(PathOf("konvid_pairs.parquet"), Out(), Five);

        Assert.Equal(KonvidRows, outcome.RowsInFile);
        Assert.Equal(24, outcome.Groups);
        await using var stream = File.OpenRead(Out());
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(["key", "frame_index", "vif_scale0", "vif_scale1", "vif_scale2", "vif_scale3", "adm2", "motion2", "vmaf", "source"],
            reader.Schema.Fields.Select(f => f.Name));
        Assert.Equal(FoldAssignment.Algorithm, reader.CustomMetadata["vmaf_repro.folds.algorithm"]);
        Assert.Equal("5", reader.CustomMetadata["vmaf_repro.folds.k"]);
        Assert.Equal("3", reader.CustomMetadata["vmaf_repro.folds.seed"]);
        Assert.Equal("key", reader.CustomMetadata["vmaf_repro.folds.by"]);
        Assert.Equal("source", reader.CustomMetadata["vmaf_repro.folds.column"]);
        Assert.Equal(outcome.Fingerprint.Sha256, reader.CustomMetadata["vmaf_repro.folds.corpus_sha256"]);

        var rg = reader.OpenRowGroupReader(0);
        // DuckDB writes optional (nullable) columns; the copy keeps them so.
        var keys = new long?[KonvidRows];
        var frames = new long?[KonvidRows];
        await rg.ReadAsync<long>((DataField)reader.Schema.Fields[0], keys.AsMemory());
        await rg.ReadAsync<long>((DataField)reader.Schema.Fields[1], frames.AsMemory());
        var row = 0;
        for (var c = 0; c < KonvidClipRows.Length; c++)
            for (var f = 0; f < KonvidClipRows[c]; f++, row++)
            {
                Assert.Equal(KonvidKey(c), keys[row]);
                Assert.Equal(f, frames[row]);
            }
    }

    [Fact]
    public void Write_GivesTheFingerprint_OfTheSameCorpusConfiguredWithFoldsOnTheFly()
    {
        var outcome = FoldsFile.Write(PathOf("konvid_pairs.parquet"), Out(), Five);

        var fromFile = new CorpusReader().Read(new CorpusSpec { Name = "k", Path = Out(), GroupColumn = "source" });
        var keyed = new CorpusReader().Read(new CorpusSpec { Name = "k", Path = PathOf("konvid_pairs.parquet"), GroupColumn = "key" });
        var onTheFly = FoldAssignment.Apply(keyed, Five, "vmaf");

        Assert.Equal(fromFile.Fingerprint, onTheFly.Fingerprint);
        Assert.Equal(outcome.Fingerprint, fromFile.Fingerprint);
        Assert.Equal(fromFile.GroupOfRow, onTheFly.GroupOfRow);
        for (var i = 0; i < fromFile.Rows; i++)
            Assert.Equal(KonvidVmaf(i), fromFile.Target[i]);
    }

    [Fact]
    public void Write_FailsWithVMR2004_WhenTheByColumnIsMissing()
    {
        var e = Assert.Throws<ReproException>(() => FoldsFile.Write(PathOf("konvid_pairs.parquet"), Out(), Five with { By = "clip" }));

        Assert.Equal("VMR2004", e.Code);
        Assert.Contains("'clip'", e.Message);
        Assert.False(File.Exists(Out()));
    }

    [Fact]
    public void Write_FailsWithVMR2023_WhenTheCorpusAlreadyHasASourceColumn()
    {
        var e = Assert.Throws<ReproException>(() => FoldsFile.Write(ReferenceFixtureFormula.PathOf("netflix_reference.parquet"), Out(), Five with { By = "dis_basename", K = 2 }));

        Assert.Equal("VMR2023", e.Code);
        Assert.Contains("already has a 'source' column", e.Message);
        Assert.False(File.Exists(Out()));
    }

    [Fact]
    public void Write_FailsWithVMR2023_WhenTheOutputIsTheInput()
    {
        var input = Out("pairs.parquet");
        File.Copy(PathOf("konvid_pairs.parquet"), input);

        var e = Assert.Throws<ReproException>(() => FoldsFile.Write(input, input, Five));

        Assert.Equal("VMR2023", e.Code);
    }

    [Fact]
    public void Write_FailsWithVMR2021_WhenKExceedsTheClips()
    {
        var e = Assert.Throws<ReproException>(() => FoldsFile.Write(PathOf("konvid_pairs.parquet"), Out(), Five with { K = 25 }));

        Assert.Equal("VMR2021", e.Code);
        Assert.False(File.Exists(Out()));
    }

    [Fact]
    public async Task Write_KeepsNullsOfOtherColumns_StringAndNumber()
    {
        using var files = new ParquetNetFiles();
        const int rows = 60;
        var input = files.Write("with_nulls.parquet",
            [.. ParquetNetFiles.CanonicalFeatures(rows), ParquetNetFiles.Vmaf(rows),
             (new DataField<string>("key"), Enumerable.Range(0, rows).Select(i => "clip" + (i / 6)).ToArray()),
             (new DataField<string>("note"), Enumerable.Range(0, rows).Select(i => i % 7 == 0 ? null : "n" + i).ToArray()),
             (new DataField<double?>("extra"), Enumerable.Range(0, rows).Select(i => i % 5 == 0 ? (double?)null : i).ToArray())]);

        FoldsFile.Write(input, Out(), new FoldAssignmentSettings(2, 0, "key"));

        await using var stream = File.OpenRead(Out());
        await using var reader = await ParquetReader.CreateAsync(stream);
        var rg = reader.OpenRowGroupReader(0);
        var notes = new string?[rows];
        var extra = new double?[rows];
        await rg.ReadAsync((DataField)reader.Schema.Fields.Single(f => f.Name == "note"), notes.AsMemory());
        await rg.ReadAsync<double>((DataField)reader.Schema.Fields.Single(f => f.Name == "extra"), extra.AsMemory());
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal(i % 7 == 0 ? null : "n" + i, notes[i]);
            Assert.Equal(i % 5 == 0 ? null : i, extra[i]);
        }
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
