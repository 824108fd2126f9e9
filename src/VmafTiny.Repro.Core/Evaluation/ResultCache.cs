using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Evaluation;

/// <summary>
/// Content-addressed store of finished trainings under <c>runs/cache/</c>: one small JSON per
/// (corpus fingerprint, architecture, recipe, seed, fold, engine and version). Entries are written
/// atomically as each training finishes, so an interrupted run resumes where it stopped and a
/// verify after an unrelated change re-trains nothing. An unreadable entry counts as a miss.
/// </summary>
public sealed class ResultCache
{
    private readonly string _root;

    public ResultCache(string root) => _root = root;

    /// <summary>The cache folder (runs/cache).</summary>
    public string Root => _root;

    /// <summary>True for a well-formed key: 64 lowercase hexadecimal digits (a SHA-256).</summary>
    public static bool IsKey(string key) =>
        key.Length == 64 && key.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The keys of every entry file (<c>xx/&lt;key&gt;.json</c>), in ordinal order; temporary files are not entries.</summary>
    public IReadOnlyList<string> Keys() =>
        Directory.Exists(_root)
            ? Directory.EnumerateFiles(_root, "*.json", SearchOption.AllDirectories)
                .Select(f => (Key: Path.GetFileNameWithoutExtension(f), Dir: Path.GetFileName(Path.GetDirectoryName(f))))
                .Where(e => IsKey(e.Key) && e.Dir == e.Key[..2]).Select(e => e.Key).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The cache key of one training.</summary>
    public static string Key(string corpusSha256, Recipe.Architecture arch, Recipe.TrainingRecipe recipe, int seed, string fold, string engine, string engineVersion)
    {
        var text = $"corpus={corpusSha256}\narch={arch.Name}:{string.Join(",", arch.Hidden)}\nrecipe={recipe.Fingerprint}\nseed={seed}\nfold={fold}\nengine={engine}/{engineVersion}\n";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public bool TryGet(string key, out CellMetrics cell)
    {
        cell = null!;
        var path = PathOf(key);
        if (!File.Exists(path)) return false;
        try
        {
            var read = JsonConvert.DeserializeObject<CellMetrics>(File.ReadAllText(path), ResultJson.Settings);
            if (read is null) return false;
            cell = read;
            return true;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Put(string key, CellMetrics cell) =>
        AtomicFile.WriteAllText(PathOf(key), JsonConvert.SerializeObject(cell, ResultJson.Settings));

    /// <summary>Where the entry of <paramref name="key"/> lives.</summary>
    public string PathOf(string key) => Path.Combine(_root, key[..2], key + ".json");
}
