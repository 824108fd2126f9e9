using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Evaluation.Scale;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Core.Tests.Evaluation.Scale;

/// <summary>cache export / import: round trip, determinism, and all-or-nothing verification.</summary>
public sealed class CacheArchiveTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-archive-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathIn(string name) => Path.Combine(_dir.FullName, name);

    private static string Key(int i) => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)));

    private static CellMetrics Cell(int i, double wall = 0.5) => new()
    {
        N = 40 + i, Plcc = 0.9 + i * 1e-3, Srocc = 0.8, Rmse = 4.25, Krocc = 0.7, FinalLoss = 12.5, WallSeconds = wall,
    };

    private ResultCache CacheWith(string name, params int[] cells)
    {
        var cache = new ResultCache(PathIn(name));
        foreach (var i in cells) cache.Put(Key(i), Cell(i));
        return cache;
    }

    private static byte[] Bytes(ResultCache cache, int i) => File.ReadAllBytes(cache.PathOf(Key(i)));

    // An archive written by hand: the manifest lists (key, sha256, bytes) of manifestEntries; members as given.
    private string Archive(string name, IEnumerable<(string Key, byte[] Bytes)> manifestEntries, IEnumerable<(string Name, byte[] Bytes)> members, int schemaVersion = 1)
    {
        var manifest = new JObject
        {
            ["format"] = "vmaf-repro-cache", ["schema_version"] = schemaVersion, ["tool_version"] = "test",
            ["entries"] = new JArray(manifestEntries.Select(e => new JObject
            {
                ["key"] = e.Key, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(e.Bytes)), ["bytes"] = e.Bytes.Length,
            })),
        };
        var path = PathIn(name);
        using var stream = File.Create(path);
        using var tar = new TarWriter(stream, TarEntryFormat.Ustar);
        foreach (var (member, bytes) in members.Prepend(("manifest.json", Encoding.UTF8.GetBytes(manifest.ToString()))))
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, member) { DataStream = new MemoryStream(bytes) });
        return path;
    }

    [Fact]
    public void ExportThenImport_CopiesEveryEntry_ByteForByte()
    {
        var source = CacheWith("a", 1, 2, 3);
        var file = PathIn("a.tar");

        var exported = CacheArchive.Export(source, file, "test", CancellationToken.None);
        var target = new ResultCache(PathIn("merged"));
        var imported = CacheArchive.Import(target, [file], CancellationToken.None);

        Assert.Equal(3, exported.Entries);
        Assert.Equal(new CacheImportSummary(1, 3, 3, 0), imported);
        Assert.Equal(source.Keys(), target.Keys());
        Assert.All(new[] { 1, 2, 3 }, i => Assert.Equal(Bytes(source, i), Bytes(target, i)));
    }

    [Fact]
    public void TheSameCache_ExportsToTheSameBytes()
    {
        var cache = CacheWith("a", 1, 2);

        CacheArchive.Export(cache, PathIn("x.tar"), "test", CancellationToken.None);
        CacheArchive.Export(cache, PathIn("y.tar"), "test", CancellationToken.None);

        Assert.Equal(File.ReadAllBytes(PathIn("x.tar")), File.ReadAllBytes(PathIn("y.tar")));
    }

    [Fact]
    public void Export_LeavesOutEntriesThatAreNotCells_AndNamesThem()
    {
        var cache = CacheWith("a", 1);
        Directory.CreateDirectory(Path.GetDirectoryName(cache.PathOf(Key(2)))!);
        File.WriteAllText(cache.PathOf(Key(2)), "{ truncated");

        var summary = CacheArchive.Export(cache, PathIn("a.tar"), "test", CancellationToken.None);

        Assert.Equal(1, summary.Entries);
        Assert.Equal([Key(2)], summary.Skipped);
    }

    [Fact]
    public void ImportingSeveralShards_MergesThem_AndCountsWhatTheCacheHad()
    {
        CacheArchive.Export(CacheWith("s1", 1, 2), PathIn("s1.tar"), "test", CancellationToken.None);
        CacheArchive.Export(CacheWith("s2", 3), PathIn("s2.tar"), "test", CancellationToken.None);
        var target = CacheWith("merged", 2);

        var summary = CacheArchive.Import(target, [PathIn("s1.tar"), PathIn("s2.tar")], CancellationToken.None);

        Assert.Equal(new CacheImportSummary(2, 3, 2, 1), summary);
        Assert.Equal(new[] { 1, 2, 3 }.Select(Key).Order(StringComparer.Ordinal), target.Keys());
    }

    [Fact]
    public void TheSameCellWithAnotherWallTime_IsNotAConflict()
    {
        var other = new ResultCache(PathIn("other"));
        other.Put(Key(1), Cell(1, wall: 9.75));
        CacheArchive.Export(other, PathIn("o.tar"), "test", CancellationToken.None);
        var target = CacheWith("merged", 1);
        var before = Bytes(target, 1);

        var summary = CacheArchive.Import(target, [PathIn("o.tar")], CancellationToken.None);

        Assert.Equal(1, summary.AlreadyPresent);
        Assert.Equal(before, Bytes(target, 1));
    }

    [Fact]
    public void ACorruptedEntry_IsVMR7012_AndNothingIsImported_NotEvenFromTheGoodArchives()
    {
        CacheArchive.Export(CacheWith("good", 5), PathIn("good.tar"), "test", CancellationToken.None);
        var bytes = Bytes(CacheWith("bad", 1), 1);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("0.901", "0.999", StringComparison.Ordinal));
        Assert.NotEqual(bytes, tampered);
        var bad = Archive("bad.tar", [(Key(1), bytes)], [($"cache/{Key(1)}.json", tampered)]);
        var target = new ResultCache(PathIn("merged"));

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(target, [PathIn("good.tar"), bad], CancellationToken.None));

        Assert.Equal("VMR7012", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
        Assert.Equal(bad, e.File);
        Assert.Empty(target.Keys());
    }

    public static TheoryData<string> ForeignMembers => new()
    {
        "notes.txt",
        "cache/NOT-A-KEY.json",
        $"cache/{Key(9)}.json",
        $"../{Key(1)}.json",
    };

    [Theory]
    [MemberData(nameof(ForeignMembers))]
    public void AMemberThatIsNotAListedCacheEntry_IsForeign_VMR7011(string member)
    {
        var bytes = Bytes(CacheWith("a", 1), 1);
        var file = Archive("f.tar", [(Key(1), bytes)], [($"cache/{Key(1)}.json", bytes), (member, bytes)]);
        var target = new ResultCache(PathIn("merged"));

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(target, [file], CancellationToken.None));

        Assert.Equal("VMR7011", e.Code);
        Assert.Empty(target.Keys());
    }

    [Fact]
    public void AnEntryThatIsNotACell_IsForeign_EvenWhenItsHashMatches()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"hello\": 1}");
        var file = Archive("f.tar", [(Key(1), bytes)], [($"cache/{Key(1)}.json", bytes)]);

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(new ResultCache(PathIn("merged")), [file], CancellationToken.None));

        Assert.Equal("VMR7011", e.Code);
        Assert.Contains("not a training cell", e.Message);
    }

    [Fact]
    public void AnArchiveMissingAListedEntry_IsTruncated_VMR7012()
    {
        var bytes = Bytes(CacheWith("a", 1, 2), 1);
        var file = Archive("t.tar", [(Key(1), bytes), (Key(2), bytes)], [($"cache/{Key(1)}.json", bytes)]);

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(new ResultCache(PathIn("merged")), [file], CancellationToken.None));

        Assert.Equal("VMR7012", e.Code);
    }

    [Fact]
    public void TwoArchivesWithDifferentNumbersForOneCell_ConflictVMR7013_AndNothingIsImported()
    {
        CacheArchive.Export(CacheWith("s1", 1, 2), PathIn("s1.tar"), "test", CancellationToken.None);
        var other = new ResultCache(PathIn("s2"));
        var changed = Cell(1);
        changed.Rmse = 4.5;
        other.Put(Key(1), changed);
        CacheArchive.Export(other, PathIn("s2.tar"), "test", CancellationToken.None);
        var target = new ResultCache(PathIn("merged"));

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(target, [PathIn("s1.tar"), PathIn("s2.tar")], CancellationToken.None));

        Assert.Equal("VMR7013", e.Code);
        Assert.Contains(Key(1), e.Message);
        Assert.Empty(target.Keys());
    }

    [Fact]
    public void NotATarArchive_IsVMR7010()
    {
        File.WriteAllText(PathIn("x.tar"), "just some text, not a tar header at all");

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(new ResultCache(PathIn("merged")), [PathIn("x.tar")], CancellationToken.None));

        Assert.Equal("VMR7010", e.Code);
    }

    [Fact]
    public void AMissingArchive_IsVMR7010()
    {
        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(new ResultCache(PathIn("merged")), [PathIn("absent.tar")], CancellationToken.None));

        Assert.Equal("VMR7010", e.Code);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void AnArchiveFromANewerSchema_IsVMR7010()
    {
        var bytes = Bytes(CacheWith("a", 1), 1);
        var file = Archive("n.tar", [(Key(1), bytes)], [($"cache/{Key(1)}.json", bytes)], schemaVersion: 2);

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(new ResultCache(PathIn("merged")), [file], CancellationToken.None));

        Assert.Equal("VMR7010", e.Code);
        Assert.Contains("schema_version 2", e.Message);
    }

    [Fact]
    public void ATruncatedArchiveFile_IsRejected_AndNothingIsImported()
    {
        CacheArchive.Export(CacheWith("a", 1, 2, 3), PathIn("a.tar"), "test", CancellationToken.None);
        var whole = File.ReadAllBytes(PathIn("a.tar"));
        File.WriteAllBytes(PathIn("cut.tar"), whole[..(whole.Length / 2)]);
        var target = new ResultCache(PathIn("merged"));

        var e = Assert.Throws<ReproException>(() => CacheArchive.Import(target, [PathIn("cut.tar")], CancellationToken.None));

        Assert.Contains(e.Code, new[] { "VMR7010", "VMR7012" });
        Assert.Empty(target.Keys());
    }
}
