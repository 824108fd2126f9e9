using Parquet;
using Parquet.Schema;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// Writes synthetic columns with Parquet.Net to a temporary file next to the target, flushes it
/// to disk and renames it over the target (the same guarantees as <see cref="IO.AtomicFile"/>,
/// without holding the whole file in memory).
/// </summary>
internal static class SyntheticParquetWriter
{
    public static void Write(SyntheticCorpusData data, string path, int rowGroupRows)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                WriteAsync(data, stream, rowGroupRows).GetAwaiter().GetResult();
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw new ReproException("VMR5001", $"could not write '{path}': {e.Message}",
                "Check that the folder is writable and the disk has space; the previous file, if any, is unchanged.",
                ExitCodes.EnvironmentError, path, e);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    private static async Task WriteAsync(SyntheticCorpusData data, Stream stream, int rowGroupRows)
    {
        var featureFields = data.FeatureNames.Select(n => new DataField<double>(n)).ToArray();
        var target = new DataField<double>(SyntheticCorpusData.TargetName);
        var group = new DataField(data.GroupColumn, typeof(string), isNullable: false);
        var frame = new DataField<int>(SyntheticCorpusData.FrameColumn);
        var index = new DataField<long>(SyntheticCorpusData.IndexColumn);
        var schema = new ParquetSchema([.. featureFields, target, group, frame, index]);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var indexValues = new long[Math.Min(rowGroupRows, data.Rows)];

        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options);
        for (var start = 0; start < data.Rows; start += rowGroupRows)
        {
            var n = Math.Min(rowGroupRows, data.Rows - start);
            using var rowGroup = writer.CreateRowGroup();
            for (var f = 0; f < featureFields.Length; f++)
                await rowGroup.WriteAsync<double>(featureFields[f], data.Features[f].AsMemory(start, n));
            await rowGroup.WriteAsync<double>(target, data.Target.AsMemory(start, n));
            await rowGroup.WriteAsync(group, new ArraySegment<string>(data.Groups, start, n));
            await rowGroup.WriteAsync<int>(frame, data.Frames.AsMemory(start, n));
            for (var i = 0; i < n; i++) indexValues[i] = start + i;
            await rowGroup.WriteAsync<long>(index, indexValues.AsMemory(0, n));
        }
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
