using System.Globalization;
using Parquet;

namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// The key-value entry a synthetic Parquet file carries in its footer: the generator version and
/// the (shape, rows, seed) it was generated from. A configured synthetic corpus whose file lacks
/// it, or carries another, was written by another generator or for other settings and is generated
/// again (<see cref="SyntheticCorpus.NeedsGenerating"/>), so a stale file is never evaluated
/// against baselines of the current generator.
/// </summary>
internal static class SyntheticStamp
{
    public const string MetadataKey = "vmaf_repro.synthetic";

    public static string Of(SyntheticShape shape, int rows, ulong seed) => string.Create(CultureInfo.InvariantCulture,
        $"generator=v{SyntheticCorpus.GeneratorVersion};shape={shape.ToString().ToLowerInvariant()};rows={rows};seed={seed}");

    /// <summary>The stamp of the Parquet file at <paramref name="path"/>: null when it has none; throws when the file is not readable Parquet.</summary>
    public static string? Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<string?> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return reader.CustomMetadata.TryGetValue(MetadataKey, out var stamp) ? stamp : null;
    }
}
