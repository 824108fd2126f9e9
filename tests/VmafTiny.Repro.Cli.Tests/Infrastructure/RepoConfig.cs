using System.Globalization;
using Newtonsoft.Json.Linq;

namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>A test vmaf-repro.json: 2 seeds, 3 epochs, tiny architectures, one 400-row corpus.</summary>
internal sealed record RepoConfig
{
    public IReadOnlyList<int> Seeds { get; init; } = [0, 1];
    public int Epochs { get; init; } = 3;
    public int BatchSize { get; init; } = 64;
    public double Lr { get; init; } = 0.001;
    public IReadOnlyDictionary<string, int[]> Architectures { get; init; } = new Dictionary<string, int[]> { ["tiny"] = [4], ["small"] = [8] };
    public double? K { get; init; }
    public bool DropNonFinite { get; init; }

    /// <summary>The configuration of the shared template.</summary>
    public static RepoConfig Small() => new();

    public string ToJson()
    {
        var archs = new JObject();
        foreach (var (name, widths) in Architectures) archs[name] = new JArray(widths.Cast<object>().ToArray());
        var json = new JObject
        {
            ["schema_version"] = 1,
            ["seeds"] = new JArray(Seeds.Cast<object>().ToArray()),
            ["recipe"] = new JObject { ["epochs"] = Epochs, ["batch_size"] = BatchSize, ["lr"] = Lr },
            ["architectures"] = archs,
            ["corpora"] = new JObject
            {
                [TempRepo.CorpusName] = new JObject
                {
                    ["path"] = TempRepo.CorpusRelativePath, ["protocol"] = "loso", ["group_column"] = "source",
                    ["drop_non_finite"] = DropNonFinite,
                },
            },
        };
        if (K is { } k) json["policy"] = new JObject { ["k"] = k };
        return json.ToString();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"seeds {Seeds.Count}, epochs {Epochs}, lr {Lr}");
}
