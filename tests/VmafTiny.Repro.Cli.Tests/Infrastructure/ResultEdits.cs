using Newtonsoft.Json.Linq;

namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>Edits of result/baseline JSON files, as a person (or a bug) would make them.</summary>
internal static class ResultEdits
{
    /// <summary>Adds <paramref name="by"/> to <paramref name="metric"/> of every seed's cell of <paramref name="fold"/>.</summary>
    public static void ShiftFold(JObject result, string fold, string metric, double by)
    {
        foreach (var seed in ((JObject)result["per_seed_per_fold"]!).Properties())
        {
            var cell = (JObject)seed.Value[fold]!;
            cell[metric] = (double)cell[metric]! + by;
        }
    }

    /// <summary>Sets <paramref name="metric"/> of one (seed, fold) cell.</summary>
    public static void SetCell(JObject result, string seed, string fold, string metric, JToken value) =>
        result["per_seed_per_fold"]![seed]![fold]![metric] = value;

    /// <summary>
    /// Keeps only the keys the Python reference writes (shared/docs/recipe.md beside the repository, "Reference output JSON"):
    /// no schema_version, recipe, corpus, provenance, history, KROCC, notes or timings.
    /// </summary>
    public static JObject ToPythonReference(JObject result)
    {
        string[] top = ["arch", "label", "parquet", "n_folds", "sources", "seeds", "epochs", "lr", "batch_size",
                        "per_seed_per_fold", "per_seed_aggregate", "per_fold_aggregate", "overall"];
        string[] summary = ["mean_plcc", "std_plcc", "mean_srocc", "std_srocc", "mean_rmse", "std_rmse"];
        var py = new JObject();
        foreach (var key in top) py[key] = result[key]!.DeepClone();
        foreach (var seed in ((JObject)py["per_seed_per_fold"]!).Properties())
            foreach (var fold in ((JObject)seed.Value).Properties())
                fold.Value = Keep((JObject)fold.Value, "n", "plcc", "srocc", "rmse");
        foreach (var seed in ((JObject)py["per_seed_aggregate"]!).Properties())
            seed.Value = Keep((JObject)seed.Value, "mean_plcc", "mean_srocc", "mean_rmse");
        foreach (var fold in ((JObject)py["per_fold_aggregate"]!).Properties())
            fold.Value = Keep((JObject)fold.Value, summary);
        py["overall"] = Keep((JObject)py["overall"]!, summary);
        return py;
    }

    private static JObject Keep(JObject o, params string[] keys)
    {
        var kept = new JObject();
        foreach (var k in keys) kept[k] = o[k]!.DeepClone();
        return kept;
    }
}
