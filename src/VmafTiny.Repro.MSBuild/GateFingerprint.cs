using System.Security.Cryptography;
using System.Text;

namespace VmafTiny.Repro.MSBuild;

/// <summary>
/// The content of every input of one gate run: each file's SHA-256, or <see cref="Missing"/> for an
/// expected file that does not exist (a deleted baseline changes the fingerprint like an edit does).
/// Timestamps play no part: a file restored with <c>cp -p</c> or <c>touch -d</c> is judged by its bytes.
/// </summary>
public sealed class GateFingerprint
{
    /// <summary>The hash recorded for an expected file that does not exist.</summary>
    public const string Missing = "missing";

    /// <summary>The suffix of the received files the tool writes beside a baseline during a run.</summary>
    public const string ReceivedSuffix = ".received.json";

    private GateFingerprint(IReadOnlyDictionary<string, string> files) => Files = files;

    /// <summary>Full path to SHA-256 (lower-case hex) or <see cref="Missing"/>, ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>
    /// Hashes <paramref name="paths"/> plus, for every baseline <c>x.json</c> among them, its received
    /// sibling <c>x.received.json</c> (the received/approve state is part of the key).
    /// </summary>
    public static GateFingerprint Of(IEnumerable<string> paths)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in paths)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var path = Path.GetFullPath(raw.Trim());
            all.Add(path);
            // Every x.json may be a baseline (baselines_dir is configurable): its x.received.json joins
            // the key; for the other JSON files that is one more "missing" entry, which costs nothing.
            if (path.EndsWith(".json", StringComparison.Ordinal) && !path.EndsWith(ReceivedSuffix, StringComparison.Ordinal))
                all.Add(path[..^".json".Length] + ReceivedSuffix);
        }
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in all) files[path] = HashFile(path);
        return new GateFingerprint(files);
    }

    /// <summary>The same paths, hashed again now.</summary>
    public GateFingerprint Rehash() => new(Files.Keys.ToDictionary(p => p, HashFile, StringComparer.Ordinal));

    /// <summary>
    /// Files that existed when this fingerprint was taken and differ (or are gone) in <paramref name="later"/>;
    /// received files are left out (the tool itself writes them during a run).
    /// </summary>
    public IReadOnlyList<string> ChangedIn(GateFingerprint later) =>
        [.. Files.Where(f => f.Value != Missing && !f.Key.EndsWith(ReceivedSuffix, StringComparison.Ordinal)
                             && (!later.Files.TryGetValue(f.Key, out var now) || now != f.Value))
                 .Select(f => f.Key)];

    /// <summary>One key for the settings, the task itself and every file's content.</summary>
    public string Key(string settings)
    {
        var sb = new StringBuilder("vmafrepro-gate-key/2\n");
        sb.Append(settings).Append('\n');
        sb.Append("task=").Append(HashFile(typeof(GateFingerprint).Assembly.Location)).Append('\n');
        foreach (var (path, hash) in Files) sb.Append(hash).Append(' ').Append(path).Append('\n');
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>SHA-256 of a file's bytes, or <see cref="Missing"/>.</summary>
    public static string HashFile(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return Missing;
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            return Hex(SHA256.HashData(s));
        }
        catch (FileNotFoundException) { return Missing; }
        catch (DirectoryNotFoundException) { return Missing; }
    }

    /// <summary>SHA-256 of a string, lower-case hex.</summary>
    public static string HashText(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
