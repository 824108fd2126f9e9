using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Evaluation.Scale;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>Options of the training commands whose grid can be split over jobs (verify, run, calibrate).</summary>
internal class ShardedTrainingSettings : TrainingSettings
{
    [CommandOption("--shard <SPEC>")]
    [Description("Train only this job's share of the grid into the training cache and judge nothing (exit 0): I/N (1-based), auto (in a Slurm job array) or auto/N (in a Kubernetes Indexed Job with N completions). Every shard and the merge job must use the same configuration and options.")]
    public string? Shard { get; init; }

    [CommandOption("--from-shards <N>")]
    [Description("Merge job: train nothing; every cell must already be in the training cache (filled by N shards, see cache import), else VMR7020 names the missing cells and their shards.")]
    public int? FromShards { get; init; }

    [CommandOption("--plan")]
    [Description("With --shard: print every shard's share of the grid and exit without training.")]
    public bool Plan { get; init; }

    public override ValidationResult Validate()
    {
        if (Shard is not null && FromShards is not null) return ValidationResult.Error("--shard (train one share) and --from-shards (merge) exclude each other.");
        if (FromShards is < 1 or > ShardSpec.MaxCount) return ValidationResult.Error($"--from-shards must be 1..{ShardSpec.MaxCount}, not {FromShards}.");
        if (Plan && Shard is null) return ValidationResult.Error("--plan needs --shard I/N (the split to print).");
        return base.Validate();
    }
}
