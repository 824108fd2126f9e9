using System.Diagnostics;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Synthetic;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>Runs alone: it measures process-wide memory, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>Fingerprinting streams row groups: its memory does not grow with the corpus.</summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class CorpusFingerprintStreamingTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 1_500_000;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-big-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Fingerprint_HoldsAtMostAFewRowGroups_WhenTheFileHas1500000Rows()
    {
        var path = Path.Combine(_dir.FullName, "big.parquet");
        string expectedSha;
        var clock = Stopwatch.StartNew();
        {
            var data = SyntheticCorpus.Generate(SyntheticShape.KoNViD, Rows, 11);
            SyntheticCorpus.WriteParquet(data, path);
            expectedSha = data.ToCorpus().Fingerprint.Sha256;
        }
        var written = clock.Elapsed;
        // What Read() must hold: 6 features + target as float64 and a group index per row.
        const long rowData = Rows * (7L * sizeof(double) + sizeof(int));
        var spec = new CorpusSpec { Name = "big", Path = path, GroupColumn = "fold" };

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peakLive = 0;
        var reader = new CorpusReader
        {
            // A full collection after each row group: what is still reachable is what the scan holds.
            RowGroupRead = (_, _) => peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true) - baseline),
        };
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();

        var fingerprint = reader.Fingerprint(spec);

        var elapsed = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"generate+write {written.TotalSeconds:F1} s, fingerprint {elapsed.TotalSeconds:F1} s; " +
                         $"row data {rowData / 1e6:F0} MB, peak live {peakLive / 1e6:F1} MB, allocated {allocated / 1e6:F0} MB, file {new FileInfo(path).Length / 1e6:F0} MB");
        Assert.Equal(Rows, fingerprint.Rows);
        Assert.Equal(expectedSha, fingerprint.Sha256);
        Assert.Equal(5, fingerprint.RowsPerGroup.Count);
        // One row group of buffers is 50,000 rows x (7 doubles + flags + ids) = ~3.5 MB.
        Assert.True(peakLive < rowData / 10, $"peak live {peakLive} bytes is not far below the row data {rowData} bytes");
        Assert.True(peakLive < 16_000_000, $"peak live {peakLive} bytes is more than a few row groups");
        // Total allocations are reported, not bounded: Parquet.Net allocates fresh page and
        // decompression buffers for every column chunk (~4x the row data over the whole file), all
        // of it garbage by the next row group, which is what the peak-live bound above checks.

        // Control: the same measurement does see a scan that holds the rows (Read keeps them all).
        peakLive = 0;
        var corpus = reader.Read(spec);
        output.WriteLine($"Read: peak live {peakLive / 1e6:F1} MB");
        Assert.Equal(expectedSha, corpus.Fingerprint.Sha256);
        Assert.True(peakLive > rowData * 9 / 10, $"Read peak live {peakLive} bytes should hold the row data {rowData} bytes");
    }
}
