using Parquet;
using Parquet.Schema;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// Writes synthetic columns with Parquet.Net through <see cref="AtomicFile"/> (temporary file,
/// flush, rename), streaming row group by row group, with the generator's stamp in the footer.
/// </summary>
internal static class SyntheticParquetWriter
{
    public static void Write(SyntheticCorpusData data, string path, int rowGroupRows, SpecialTarget special, CancellationToken cancellationToken) =>
        AtomicFile.Write(path, stream => WriteAsync(data, stream, rowGroupRows).GetAwaiter().GetResult(), special, cancellationToken);

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
        writer.CustomMetadata = new Dictionary<string, string> { [SyntheticStamp.MetadataKey] = SyntheticStamp.Of(data.Shape, data.Rows, data.Seed) };
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
}
