using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// What makes a stored result unusable as a baseline, read from its raw JSON (a missing metric
/// key would otherwise read as 0): a cell without plcc, srocc or rmse; a metric that is not a
/// number, or is ±Infinity; a NaN metric in a cell that neither diverged nor carries a
/// <c>note</c> saying why it is undefined; no cells at all.
/// </summary>
public static class ResultFileCheck
{
    private static readonly string[] Required = ["plcc", "srocc", "rmse"];

    /// <summary>The defects of <paramref name="json"/> (already known to parse), each naming the (fold, seed); empty when it is usable.</summary>
    public static IReadOnlyList<string> Defects(string json)
    {
        var defects = new List<string>();
        JObject root;
        try { root = JObject.Parse(json); }
        catch (Newtonsoft.Json.JsonException e) { return [$"not a JSON object ({e.Message})"]; }
        if (root["per_seed_per_fold"] is not JObject seeds || !seeds.HasValues)
            return ["it has no per_seed_per_fold cells"];
        foreach (var seed in seeds.Properties())
        {
            if (seed.Value is not JObject folds || !folds.HasValues)
            {
                defects.Add($"seed {seed.Name} has no cells");
                continue;
            }
            foreach (var fold in folds.Properties())
            {
                var where = $"fold {MessageText.Printable(fold.Name)}, seed {MessageText.Printable(seed.Name)}";
                if (fold.Value is not JObject cell)
                {
                    defects.Add($"{where}: the cell is not an object");
                    continue;
                }
                var explained = cell["diverged"]?.Type == JTokenType.Boolean && (bool)cell["diverged"]!
                    || cell["note"] is JValue { Type: JTokenType.String } note && !string.IsNullOrWhiteSpace((string?)note);
                foreach (var key in Required)
                    Check(cell[key], key, where, explained, required: true, defects);
                Check(cell["krocc"], "krocc", where, explained, required: false, defects);
            }
        }
        return defects;
    }

    private static void Check(JToken? token, string key, string where, bool explained, bool required, List<string> defects)
    {
        if (token is null || token.Type == JTokenType.Null)
        {
            if (required) defects.Add($"{where}: no {key}");
            return;
        }
        if (token.Type is not (JTokenType.Float or JTokenType.Integer or JTokenType.String))
        {
            defects.Add($"{where}: {key} is not a number");
            return;
        }
        double value;
        try { value = token.ToObject<double>(); }
        catch (Exception e) when (e is FormatException or Newtonsoft.Json.JsonException or ArgumentException or OverflowException)
        {
            defects.Add($"{where}: {key} is not a number");
            return;
        }
        if (double.IsInfinity(value)) defects.Add($"{where}: {key} is {(value > 0 ? "Infinity" : "-Infinity")}");
        else if (double.IsNaN(value) && !explained) defects.Add($"{where}: {key} is NaN without a note saying why");
    }
}
