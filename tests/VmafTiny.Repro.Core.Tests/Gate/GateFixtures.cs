using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Core.Tests.Gate;

/// <summary>Fixed inputs for the gate tests: the Python reference fixture and tool-format variants of it.</summary>
internal static class GateFixtures
{
    public const string TheCorpus = "netflix-synth";
    public const string TheArch = "mlp_medium";

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "gate", name);

    /// <summary>5 seeds x 9 folds, as the Python reference writes it (no schema_version, recipe, corpus, krocc).</summary>
    public static EvaluationResult PythonBaseline() => ResultJson.Read(FixturePath("python-reference-mlp_medium.json"));

    public static EvaluationResult Clone(EvaluationResult r) => ResultJson.Deserialize(ResultJson.Serialize(r), "clone");

    /// <summary>The Python fixture as this tool would write it: schema, recipe, corpus, optional KROCC.</summary>
    public static EvaluationResult ToolResult(bool withKrocc = true, EvaluationResult? from = null)
    {
        var r = Clone(from ?? PythonBaseline());
        r.SchemaVersion = EvaluationResult.CurrentSchemaVersion;
        r.Recipe = new RecipeInfo
        {
            Fingerprint = TrainingRecipe.Default.Fingerprint, Epochs = 90, BatchSize = 256, Lr = 1e-3,
            Optimizer = "adam", Loss = "mse", StdGuard = 1e-8,
        };
        r.Corpus = new CorpusInfo { Name = TheCorpus, Sha256 = "9f2c1e0d4b7a8c6e5d3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d", Rows = 11060 };
        if (withKrocc)
            foreach (var folds in r.PerSeedPerFold.Values)
                foreach (var c in folds.Values)
                    c.Krocc = Math.Round(c.Srocc - 0.045, 8);
        return r;
    }

    /// <summary>Adds <paramref name="delta"/> to <paramref name="metric"/> in every cell of <paramref name="fold"/> (all folds when null).</summary>
    public static EvaluationResult Shift(EvaluationResult r, string? fold, string metric, double delta)
    {
        foreach (var folds in r.PerSeedPerFold.Values)
            foreach (var (name, c) in folds)
            {
                if (fold is not null && name != fold) continue;
                switch (metric)
                {
                    case "plcc": c.Plcc += delta; break;
                    case "srocc": c.Srocc += delta; break;
                    case "rmse": c.Rmse += delta; break;
                    case "krocc": c.Krocc += delta; break;
                    default: throw new ArgumentException(metric);
                }
            }
        return r;
    }

    /// <summary>Adds a deterministic symmetric noise of amplitude <paramref name="amplitude"/> to PLCC and SROCC of every cell.</summary>
    public static EvaluationResult Noise(EvaluationResult r, double amplitude, int seed)
    {
        var rng = new System.Random(seed);
        foreach (var folds in r.PerSeedPerFold.Values)
            foreach (var c in folds.Values)
            {
                c.Plcc += (rng.NextDouble() * 2 - 1) * amplitude;
                c.Srocc += (rng.NextDouble() * 2 - 1) * amplitude;
            }
        return r;
    }
}
