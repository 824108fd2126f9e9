using Newtonsoft.Json;

namespace VmafTiny.Repro.Config;

// The raw shape of vmaf-repro.json (snake_case keys). Unknown keys are errors so a typo
// ("seed" for "seeds") is not silently replaced by a default.
internal sealed class ConfigFile
{
    [JsonProperty("schema_version")] public int? SchemaVersion { get; set; }
    [JsonProperty("seeds")] public List<int>? Seeds { get; set; }
    [JsonProperty("recipe")] public RecipeSection? Recipe { get; set; }
    [JsonProperty("architectures")] public Dictionary<string, List<int>?>? Architectures { get; set; }
    [JsonProperty("corpora")] public Dictionary<string, CorpusSection?>? Corpora { get; set; }
    [JsonProperty("baselines_dir")] public string? BaselinesDir { get; set; }
    [JsonProperty("runs_dir")] public string? RunsDir { get; set; }
    [JsonProperty("policy")] public PolicySection? Policy { get; set; }
    [JsonProperty("exports")] public List<ExportSection?>? Exports { get; set; }
}

internal sealed class RecipeSection
{
    [JsonProperty("epochs")] public int? Epochs { get; set; }
    [JsonProperty("batch_size")] public int? BatchSize { get; set; }
    [JsonProperty("lr")] public double? Lr { get; set; }
}

internal sealed class CorpusSection
{
    [JsonProperty("path")] public string? Path { get; set; }
    [JsonProperty("protocol")] public string? Protocol { get; set; }
    [JsonProperty("group_column")] public string? GroupColumn { get; set; }
    [JsonProperty("target")] public string? Target { get; set; }
    [JsonProperty("features")] public List<string>? Features { get; set; }
    [JsonProperty("drop_non_finite")] public bool? DropNonFinite { get; set; }
    [JsonProperty("folds")] public int? Folds { get; set; }
    [JsonProperty("fold_seed")] public int? FoldSeed { get; set; }
    [JsonProperty("synthetic")] public SyntheticSection? Synthetic { get; set; }
}

internal sealed class SyntheticSection
{
    [JsonProperty("shape")] public string? Shape { get; set; }
    [JsonProperty("rows")] public int? Rows { get; set; }
    [JsonProperty("seed")] public int? Seed { get; set; }
}

internal sealed class PolicySection
{
    [JsonProperty("k")] public double? K { get; set; }
    [JsonProperty("alpha")] public double? Alpha { get; set; }
    [JsonProperty("floors")] public FloorsSection? Floors { get; set; }
    [JsonProperty("overrides")] public List<OverrideSection>? Overrides { get; set; }
}

internal sealed class FloorsSection
{
    [JsonProperty("plcc")] public double? Plcc { get; set; }
    [JsonProperty("srocc")] public double? Srocc { get; set; }
    [JsonProperty("krocc")] public double? Krocc { get; set; }
    [JsonProperty("rmse")] public double? Rmse { get; set; }
}

internal sealed class OverrideSection
{
    [JsonProperty("corpus")] public string? Corpus { get; set; }
    [JsonProperty("arch")] public string? Arch { get; set; }
    [JsonProperty("k")] public double? K { get; set; }
    [JsonProperty("floors")] public FloorsSection? Floors { get; set; }
}
