using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace VmafTiny.Repro.Cli.Tests.ScaleOut;

/// <summary>A result JSON without what differs between any two runs of the same grid.</summary>
internal static class ResultJsons
{
    /// <summary>
    /// The file's text with provenance (times, machine), the corpus path and each cell's wall time
    /// removed: every metric, aggregate, the recipe and the corpus fingerprint stay, as written
    /// (doubles in their round-trip form), so equal strings mean equal bits.
    /// </summary>
    public static string Metrics(string path)
    {
        var json = JObject.Parse(File.ReadAllText(path), new JsonLoadSettings());
        json.Remove("provenance");
        json.Remove("parquet");
        ((JObject)json["corpus"]!).Remove("path");
        foreach (var cell in json["per_seed_per_fold"]!.Values().SelectMany(seed => seed.Values()).OfType<JObject>())
            cell.Remove("wall_seconds");
        return json.ToString(Formatting.None);
    }
}
