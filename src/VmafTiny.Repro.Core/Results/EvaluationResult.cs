using Newtonsoft.Json;

namespace VmafTiny.Repro.Results;

/// <summary>
/// The result of one multi-seed evaluation of one architecture on one corpus. A superset of the
/// Python reference's JSON (README, "The recipe"; specified in shared/docs/recipe.md beside the repository): the same keys with the same meaning, plus
/// <c>schema_version</c>, KROCC, the recipe, the corpus fingerprint and provenance. A file the Python
/// tool wrote reads as this type (the extra members are then null).
/// Keys of <see cref="PerSeedPerFold"/> are seeds (as strings), then fold names (held-out group).
/// </summary>
public sealed class EvaluationResult
{
    /// <summary>Current schema of files this tool writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Null in files written by the Python reference.</summary>
    [JsonProperty("schema_version", NullValueHandling = NullValueHandling.Ignore)] public int? SchemaVersion { get; set; }
    [JsonProperty("arch")] public string Arch { get; set; } = "";
    [JsonProperty("label")] public string? Label { get; set; }
    [JsonProperty("parquet")] public string? Parquet { get; set; }
    [JsonProperty("n_folds")] public int NFolds { get; set; }
    [JsonProperty("sources")] public List<string> Sources { get; set; } = [];
    [JsonProperty("seeds")] public List<int> Seeds { get; set; } = [];
    [JsonProperty("epochs")] public int Epochs { get; set; }
    [JsonProperty("lr")] public double Lr { get; set; }
    [JsonProperty("batch_size")] public int BatchSize { get; set; }
    [JsonProperty("per_seed_per_fold")] public Dictionary<string, Dictionary<string, CellMetrics>> PerSeedPerFold { get; set; } = [];
    [JsonProperty("per_seed_aggregate")] public Dictionary<string, SeedAggregate> PerSeedAggregate { get; set; } = [];
    [JsonProperty("per_fold_aggregate")] public Dictionary<string, MetricSummary> PerFoldAggregate { get; set; } = [];
    [JsonProperty("overall")] public MetricSummary Overall { get; set; } = new();

    [JsonProperty("hidden", NullValueHandling = NullValueHandling.Ignore)] public List<int>? Hidden { get; set; }
    [JsonProperty("recipe", NullValueHandling = NullValueHandling.Ignore)] public RecipeInfo? Recipe { get; set; }
    [JsonProperty("corpus", NullValueHandling = NullValueHandling.Ignore)] public CorpusInfo? Corpus { get; set; }
    [JsonProperty("provenance", NullValueHandling = NullValueHandling.Ignore)] public Provenance? Provenance { get; set; }

    /// <summary>Approvals of this baseline, oldest first (only in files under baselines/).</summary>
    [JsonProperty("history", NullValueHandling = NullValueHandling.Ignore)] public List<HistoryEntry>? History { get; set; }
}

/// <summary>One approval of a baseline: when, why, and what the headline numbers were before and after.</summary>
public sealed class HistoryEntry
{
    [JsonProperty("approved_utc")] public DateTimeOffset ApprovedUtc { get; set; }
    [JsonProperty("reason")] public string Reason { get; set; } = "";
    [JsonProperty("user", NullValueHandling = NullValueHandling.Ignore)] public string? User { get; set; }
    [JsonProperty("previous_overall", NullValueHandling = NullValueHandling.Ignore)] public MetricSummary? PreviousOverall { get; set; }
    [JsonProperty("overall")] public MetricSummary Overall { get; set; } = new();
    [JsonProperty("provenance", NullValueHandling = NullValueHandling.Ignore)] public Provenance? Provenance { get; set; }
}

/// <summary>Metrics of one (fold, seed) training on its held-out rows.</summary>
public sealed class CellMetrics
{
    [JsonProperty("n")] public int N { get; set; }
    [JsonProperty("plcc")] public double Plcc { get; set; }
    [JsonProperty("srocc")] public double Srocc { get; set; }
    [JsonProperty("rmse")] public double Rmse { get; set; }
    /// <summary>Kendall tau-b; null in Python reference files.</summary>
    [JsonProperty("krocc", NullValueHandling = NullValueHandling.Ignore)] public double? Krocc { get; set; }
    /// <summary>True when the training loss became NaN/Inf: always a regression.</summary>
    [JsonProperty("diverged", DefaultValueHandling = DefaultValueHandling.Ignore)] public bool Diverged { get; set; }
    /// <summary>Why a metric is undefined (e.g. constant predictions make PLCC NaN), else null.</summary>
    [JsonProperty("note", NullValueHandling = NullValueHandling.Ignore)] public string? Note { get; set; }
    [JsonProperty("final_loss", NullValueHandling = NullValueHandling.Ignore)] public double? FinalLoss { get; set; }
    [JsonProperty("wall_seconds", NullValueHandling = NullValueHandling.Ignore)] public double? WallSeconds { get; set; }
}

/// <summary>Means over the folds of one seed.</summary>
public sealed class SeedAggregate
{
    [JsonProperty("mean_plcc")] public double MeanPlcc { get; set; }
    [JsonProperty("mean_srocc")] public double MeanSrocc { get; set; }
    [JsonProperty("mean_rmse")] public double MeanRmse { get; set; }
    [JsonProperty("mean_krocc", NullValueHandling = NullValueHandling.Ignore)] public double? MeanKrocc { get; set; }
}

/// <summary>Mean and sample std (ddof 1; 0 with one value) of each metric.</summary>
public sealed class MetricSummary
{
    [JsonProperty("mean_plcc")] public double MeanPlcc { get; set; }
    [JsonProperty("std_plcc")] public double StdPlcc { get; set; }
    [JsonProperty("mean_srocc")] public double MeanSrocc { get; set; }
    [JsonProperty("std_srocc")] public double StdSrocc { get; set; }
    [JsonProperty("mean_rmse")] public double MeanRmse { get; set; }
    [JsonProperty("std_rmse")] public double StdRmse { get; set; }
    [JsonProperty("mean_krocc", NullValueHandling = NullValueHandling.Ignore)] public double? MeanKrocc { get; set; }
    [JsonProperty("std_krocc", NullValueHandling = NullValueHandling.Ignore)] public double? StdKrocc { get; set; }
}

/// <summary>The recipe a result was produced with; compared by <see cref="Fingerprint"/>.</summary>
public sealed class RecipeInfo
{
    [JsonProperty("fingerprint")] public string Fingerprint { get; set; } = "";
    [JsonProperty("epochs")] public int Epochs { get; set; }
    [JsonProperty("batch_size")] public int BatchSize { get; set; }
    [JsonProperty("lr")] public double Lr { get; set; }
    [JsonProperty("optimizer")] public string Optimizer { get; set; } = "";
    [JsonProperty("loss")] public string Loss { get; set; } = "";
    [JsonProperty("std_guard")] public double StdGuard { get; set; }
}

/// <summary>Which data a result was computed on.</summary>
public sealed class CorpusInfo
{
    [JsonProperty("name")] public string Name { get; set; } = "";
    [JsonProperty("path")] public string? Path { get; set; }
    [JsonProperty("sha256")] public string Sha256 { get; set; } = "";
    [JsonProperty("rows")] public long Rows { get; set; }
    [JsonProperty("rows_per_group")] public Dictionary<string, long> RowsPerGroup { get; set; } = [];
    [JsonProperty("group_column")] public string GroupColumn { get; set; } = "";
    [JsonProperty("target")] public string Target { get; set; } = "";
    [JsonProperty("features")] public List<string> Features { get; set; } = [];
    /// <summary>Rows the reader dropped for NaN/Inf/null values (<c>drop_non_finite</c>); absent when none were.</summary>
    [JsonProperty("dropped_non_finite", NullValueHandling = NullValueHandling.Ignore)] public DroppedRowsInfo? DroppedNonFinite { get; set; }
    /// <summary>How the groups of <see cref="GroupColumn"/> were dealt into folds (<c>"folds"</c> in the configuration); absent for pre-assigned groups.</summary>
    [JsonProperty("fold_assignment", NullValueHandling = NullValueHandling.Ignore)] public FoldAssignmentInfo? FoldAssignment { get; set; }
}

/// <summary>The fold assignment of a corpus configured with <c>"folds"</c>: the same record <c>vmaf-repro folds</c> writes into its file's metadata.</summary>
public sealed class FoldAssignmentInfo
{
    [JsonProperty("algorithm")] public string Algorithm { get; set; } = "";
    [JsonProperty("k")] public int K { get; set; }
    [JsonProperty("seed")] public int Seed { get; set; }
    [JsonProperty("by")] public string By { get; set; } = "";
}

/// <summary>How many rows of the corpus file were dropped for non-finite values, and per column how many such values there were.</summary>
public sealed class DroppedRowsInfo
{
    [JsonProperty("rows")] public long Rows { get; set; }
    [JsonProperty("rows_in_file")] public long RowsInFile { get; set; }
    [JsonProperty("by_column")] public Dictionary<string, long> ByColumn { get; set; } = [];

    /// <summary>e.g. "dropped 3 of 400 rows with NaN/Inf/null values (vmaf 3)".</summary>
    public override string ToString() =>
        $"dropped {Rows} of {RowsInFile} rows with NaN/Inf/null values ({string.Join(", ", ByColumn.Select(kv => $"{kv.Key} {kv.Value}"))})";
}

/// <summary>Who computed a result, with what, how long it took.</summary>
public sealed class Provenance
{
    [JsonProperty("tool_version")] public string ToolVersion { get; set; } = "";
    [JsonProperty("engine")] public string Engine { get; set; } = "";
    [JsonProperty("engine_version")] public string EngineVersion { get; set; } = "";
    [JsonProperty("backend")] public string Backend { get; set; } = "";
    [JsonProperty("intra_op_threads")] public int IntraOpThreads { get; set; }
    [JsonProperty("parallel_trainings")] public int ParallelTrainings { get; set; }
    [JsonProperty("os")] public string Os { get; set; } = "";
    [JsonProperty("runtime")] public string Runtime { get; set; } = "";
    [JsonProperty("machine")] public string? Machine { get; set; }
    [JsonProperty("created_utc")] public DateTimeOffset CreatedUtc { get; set; }
    [JsonProperty("wall_seconds")] public double WallSeconds { get; set; }
    [JsonProperty("trainings_from_cache")] public int TrainingsFromCache { get; set; }
}
