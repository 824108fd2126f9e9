using System.Formats.Tar;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Evaluation.Scale;

/// <summary>What <c>cache export</c> wrote.</summary>
public sealed record CacheExportSummary(string File, int Entries, IReadOnlyList<string> Skipped);

/// <summary>What <c>cache import</c> did: entries read from the archives, new ones written, ones the cache already had.</summary>
public sealed record CacheImportSummary(int Archives, int Entries, int Added, int AlreadyPresent);

/// <summary>
/// Training-cache entries packed into one file, to carry a shard's trainings to the merge job.
/// The format (docs/scale-out.md): a ustar archive whose first member is <c>manifest.json</c>
/// (<c>format</c> "vmaf-repro-cache", <c>schema_version</c> 1, <c>tool_version</c>, and
/// <c>entries</c>: key, sha256 and bytes of every entry, sorted by key), followed by one member
/// <c>cache/&lt;key&gt;.json</c> per entry holding the cache file's exact bytes. Members have a fixed
/// time, owner and mode, so the same cache gives the same archive bytes.
/// </summary>
public static class CacheArchive
{
    public const string Format = "vmaf-repro-cache";
    public const int SchemaVersion = 1;
    public const string ManifestName = "manifest.json";
    public const string EntryPrefix = "cache/";

    /// <summary>Largest member accepted on import (a cell is a few hundred bytes).</summary>
    public const long MaxEntryBytes = 1 << 20;

    /// <summary>Largest manifest accepted on import (about 100 bytes per entry).</summary>
    public const long MaxManifestBytes = 256L << 20;

    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Packs every readable entry of <paramref name="cache"/> into <paramref name="file"/> (written
    /// atomically). Entries that do not parse as a cell are left out and named in the summary.
    /// </summary>
    public static CacheExportSummary Export(ResultCache cache, string file, string toolVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var entries = new List<(string Key, byte[] Bytes)>();
        var skipped = new List<string>();
        foreach (var key in cache.Keys())
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] bytes;
            try { bytes = File.ReadAllBytes(cache.PathOf(key)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { skipped.Add(key); continue; }
            if (CellProblem(bytes) is null) entries.Add((key, bytes));
            else skipped.Add(key);
        }
        var manifest = new JObject
        {
            ["format"] = Format,
            ["schema_version"] = SchemaVersion,
            ["tool_version"] = toolVersion,
            ["entries"] = new JArray(entries.Select(e => new JObject { ["key"] = e.Key, ["sha256"] = Sha256(e.Bytes), ["bytes"] = e.Bytes.Length })),
        };
        AtomicFile.Write(file, stream =>
        {
            using var tar = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true);
            Add(tar, ManifestName, Encoding.UTF8.GetBytes(manifest.ToString(Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"));
            foreach (var (key, bytes) in entries) Add(tar, EntryPrefix + key + ".json", bytes);
        }, SpecialTarget.Refuse, cancellationToken);
        return new CacheExportSummary(file, entries.Count, skipped);
    }

    /// <summary>
    /// Reads and verifies every archive first (manifest, member names, keys, content hashes, cells;
    /// a key whose cell differs between archives or from the cache's own entry), and only then
    /// writes the new entries. Any problem: a VMR70xx error and nothing imported. If a write fails
    /// midway, the entries this import wrote are removed again.
    /// </summary>
    public static CacheImportSummary Import(ResultCache cache, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(files);
        var incoming = new SortedDictionary<string, (byte[] Bytes, string File)>(StringComparer.Ordinal);
        var total = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (key, bytes) in Read(file))
            {
                total++;
                if (incoming.TryGetValue(key, out var earlier))
                {
                    if (!SameCell(earlier.Bytes, bytes))
                        throw Conflict(key, $"'{earlier.File}' and '{file}' hold different cells for it", file);
                    continue;
                }
                incoming[key] = (bytes, file);
            }
        }
        var toWrite = new List<(string Key, byte[] Bytes)>();
        var present = 0;
        foreach (var (key, (bytes, file)) in incoming)
        {
            var path = cache.PathOf(key);
            byte[]? existing = null;
            try { if (File.Exists(path)) existing = File.ReadAllBytes(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { existing = null; }
            if (existing is not null && CellProblem(existing) is null)
            {
                if (!SameCell(existing, bytes)) throw Conflict(key, $"'{file}' holds a different cell than the cache's entry {path}", file);
                present++;
                continue;
            }
            toWrite.Add((key, bytes));
        }
        var written = new List<string>();
        try
        {
            foreach (var (key, bytes) in toWrite)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AtomicFile.WriteAllBytes(cache.PathOf(key), bytes);
                written.Add(cache.PathOf(key));
            }
        }
        catch
        {
            foreach (var path in written)
                try { File.Delete(path); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            throw;
        }
        return new CacheImportSummary(files.Count, total, toWrite.Count, present);
    }

    /// <summary>The verified entries of one archive; any problem is VMR7010–7012.</summary>
    public static IReadOnlyList<(string Key, byte[] Bytes)> Read(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (FileKinds.Target(Path.GetFullPath(file)) is not (FileKind.Regular or FileKind.Unknown))
            throw NotArchive(file, File.Exists(file) || Directory.Exists(file) ? "is not a regular file" : "does not exist");
        try
        {
            using var stream = File.OpenRead(file);
            using var tar = new TarReader(stream);
            var first = tar.GetNextEntry(copyData: false);
            if (first is null || first.Name != ManifestName || first.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                throw NotArchive(file, $"does not start with {ManifestName}");
            var manifest = ReadManifest(file, Content(first, MaxManifestBytes, file, ManifestName));
            var entries = new List<(string, byte[])>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (tar.GetNextEntry(copyData: false) is { } member)
            {
                var key = member.Name.StartsWith(EntryPrefix, StringComparison.Ordinal) && member.Name.EndsWith(".json", StringComparison.Ordinal)
                    ? member.Name[EntryPrefix.Length..^".json".Length] : null;
                if (member.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || key is null || !ResultCache.IsKey(key))
                    throw Foreign(file, $"member '{MessageText.Escape(member.Name)}' ({member.EntryType}) is not a cache entry cache/<64 hex digits>.json");
                if (!manifest.TryGetValue(key, out var expected))
                    throw Foreign(file, $"entry {key} is not listed in its manifest");
                if (!seen.Add(key)) throw Foreign(file, $"entry {key} appears twice");
                var bytes = Content(member, MaxEntryBytes, file, member.Name);
                if (bytes.Length != expected.Bytes || Sha256(bytes) != expected.Sha256)
                    throw new ReproException("VMR7012",
                        string.Create(CultureInfo.InvariantCulture, $"entry {key} is corrupted: {bytes.Length} bytes with sha256 {Sha256(bytes)}, the manifest says {expected.Bytes} bytes with sha256 {expected.Sha256}"),
                        "Nothing was imported. Export the shard's cache again (vmaf-repro cache export) and copy the archive without modifying it.", ExitCodes.UsageOrInputError, file);
                if (CellProblem(bytes) is { } problem) throw Foreign(file, $"entry {key} is not a training cell: {problem}");
                entries.Add((key, bytes));
            }
            var absent = manifest.Keys.Where(k => !seen.Contains(k)).ToList();
            if (absent.Count > 0)
                throw new ReproException("VMR7012",
                    string.Create(CultureInfo.InvariantCulture, $"the manifest lists {absent.Count} entries the archive does not hold (first: {absent[0]}): truncated"),
                    "Nothing was imported. Copy the whole archive again, or export the shard's cache again.", ExitCodes.UsageOrInputError, file);
            return entries;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw NotArchive(file, $"is truncated or not a tar archive ({e.Message.Split('\n')[0].TrimEnd('.')})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproException("VMR7010", $"cannot read the cache archive: {e.Message.Split('\n')[0].TrimEnd('.')}",
                "Check the path and its permissions; nothing was imported.", ExitCodes.UsageOrInputError, file, e);
        }
    }

    private static Dictionary<string, (string Sha256, long Bytes)> ReadManifest(string file, byte[] bytes)
    {
        JObject json;
        try { json = JObject.Parse(Encoding.UTF8.GetString(bytes)); }
        catch (JsonException e) { throw NotArchive(file, $"has a manifest that is not JSON ({e.Message.Split('\n')[0].TrimEnd('.')})"); }
        if ((string?)json["format"] != Format) throw NotArchive(file, $"has a manifest whose format is not \"{Format}\"");
        if (json["schema_version"] is not { Type: JTokenType.Integer } version || (int)version < 1)
            throw NotArchive(file, "has a manifest without a valid schema_version");
        if ((int)version > SchemaVersion)
            throw new ReproException("VMR7010", string.Create(CultureInfo.InvariantCulture, $"the cache archive has schema_version {(int)version}; this vmaf-repro reads up to {SchemaVersion}"),
                "Import it with the vmaf-repro version that exported it (or newer).", ExitCodes.UsageOrInputError, file);
        if (json["entries"] is not JArray list) throw NotArchive(file, "has a manifest without an entries list");
        var entries = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            var key = item is JObject o && o["key"]?.Type == JTokenType.String ? (string)o["key"]! : null;
            var sha = item is JObject p && p["sha256"]?.Type == JTokenType.String ? (string)p["sha256"]! : null;
            var size = item is JObject q && q["bytes"]?.Type == JTokenType.Integer ? (long)q["bytes"]! : -1;
            if (key is null || !ResultCache.IsKey(key) || sha is null || !ResultCache.IsKey(sha) || size < 0)
                throw Foreign(file, $"manifest entry {MessageText.Escape(item.ToString(Formatting.None))} needs a key and a sha256 of 64 lowercase hex digits and a byte count");
            if (!entries.TryAdd(key, (sha, size))) throw Foreign(file, $"the manifest lists entry {key} twice");
        }
        return entries;
    }

    /// <summary>Why <paramref name="bytes"/> is not a cache entry (a cell with n and the metrics), or null when it is.</summary>
    public static string? CellProblem(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new JsonTextReader(new StringReader(Encoding.UTF8.GetString(bytes))) { FloatParseHandling = FloatParseHandling.Double };
            var token = JToken.ReadFrom(reader);
            if (token is not JObject o) return "not a JSON object";
            if (o["n"] is not { Type: JTokenType.Integer } n || (long)n < 1) return "no positive \"n\"";
            foreach (var metric in new[] { "plcc", "srocc", "rmse" })
                if (o[metric] is not { Type: JTokenType.Float or JTokenType.Integer }) return $"no number \"{metric}\"";
            return JsonConvert.DeserializeObject<CellMetrics>(o.ToString(), ResultJson.Settings) is null ? "empty" : null;
        }
        catch (JsonException e)
        {
            return $"not JSON ({e.Message.Split('\n')[0].TrimEnd('.')})";
        }
    }

    // Two entries are the same training when every field but its wall time is equal (bit for bit).
    private static bool SameCell(byte[] a, byte[] b)
    {
        if (a.AsSpan().SequenceEqual(b)) return true;
        static string Metrics(byte[] bytes)
        {
            var cell = JsonConvert.DeserializeObject<CellMetrics>(Encoding.UTF8.GetString(bytes), ResultJson.Settings)!;
            cell.WallSeconds = null;
            return JsonConvert.SerializeObject(cell, ResultJson.Settings);
        }
        return Metrics(a) == Metrics(b);
    }

    private static byte[] Content(TarEntry entry, long max, string file, string name)
    {
        if (entry.Length > max)
            throw Foreign(file, string.Create(CultureInfo.InvariantCulture, $"member '{MessageText.Escape(name)}' has {entry.Length} bytes, more than {max}"));
        using var buffer = new MemoryStream();
        entry.DataStream?.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Add(TarWriter tar, string name, byte[] bytes)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(bytes, writable: false),
            ModificationTime = FixedTime,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            Uid = 0, Gid = 0, UserName = "", GroupName = "",
        };
        tar.WriteEntry(entry);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static ReproException NotArchive(string file, string why, Exception? inner = null) =>
        new("VMR7010", $"the file {why}: not a vmaf-repro cache archive",
            "Pass the .tar files written by vmaf-repro cache export; nothing was imported.", ExitCodes.UsageOrInputError, file, inner);

    private static ReproException Foreign(string file, string why) =>
        new("VMR7011", $"the cache archive holds a foreign entry: {why}",
            "Nothing was imported. Import only archives written by vmaf-repro cache export, unmodified.", ExitCodes.UsageOrInputError, file);

    private static ReproException Conflict(string key, string why, string file) =>
        new("VMR7013", $"cache entry {key} conflicts: {why}",
            "Nothing was imported. The same training gave different numbers: the archives come from different engines' versions or a non-deterministic engine; re-run those shards with one engine and version (and use a fresh cache for the merge).", ExitCodes.UsageOrInputError, file);
}
