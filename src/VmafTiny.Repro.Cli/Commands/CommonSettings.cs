using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>Options every command shares.</summary>
internal class CommonSettings : CommandSettings
{
    [CommandOption("--config <PATH>")]
    [Description("Configuration file (default: vmaf-repro.json in the current folder or the nearest parent).")]
    public string? Config { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Print stack traces for errors.")]
    public bool Verbose { get; init; }
}

/// <summary>Options of the commands that train.</summary>
internal class TrainingSettings : CommonSettings
{
    [CommandOption("--engine <ENGINE>")]
    [Description("Training engine: fused (default; managed SIMD kernels, the same bits on every CPU), batched (TorchSharp, the whole (fold, seed) grid as stacked matmuls) or sequential (TorchSharp, one model at a time, the reference loop).")]
    [DefaultValue("fused")]
    public string Engine { get; init; } = "fused";

    [CommandOption("--simd <PATH>")]
    [Description("The fused engine's SIMD path: auto (default: the widest this CPU runs), avx512, avx2, v128 or portable. Every path gives the same bits.")]
    [DefaultValue("auto")]
    public string Simd { get; init; } = "auto";

    [CommandOption("--threads <N>")]
    [Description("Trainings (or batched stacks) run at once, each with one intra-op thread. Default: the number of cores.")]
    public int? Threads { get; init; }

    [CommandOption("--no-cache")]
    [Description("Do not read or write the training cache under runs/cache.")]
    public bool NoCache { get; init; }

    /// <summary>Most trainings at once: each is a thread with its own copy of a fold's inputs.</summary>
    public const int MaxThreads = 1024;

    public override ValidationResult Validate()
    {
        if (Engine is not ("fused" or "batched" or "sequential"))
            return ValidationResult.Error($"--engine must be 'fused', 'batched' or 'sequential', not '{Engine}'.");
        if (!Torch.Fused.SimdPaths.Names.Contains(Simd))
            return ValidationResult.Error($"--simd must be one of {string.Join(", ", Torch.Fused.SimdPaths.Names)}, not '{Simd}'.");
        if (Threads is <= 0 or > MaxThreads)
            return ValidationResult.Error($"--threads must be 1..{MaxThreads}, not {Threads}.");
        return ValidationResult.Success();
    }
}

/// <summary>Options of the training commands that work on configured (corpus, arch) pairs.</summary>
internal class PairTrainingSettings : ShardedTrainingSettings
{
    [CommandOption("--corpus <NAMES>")]
    [Description("Only these corpora (comma-separated names from the configuration).")]
    public string? Corpus { get; init; }

    [CommandOption("--arch <NAMES>")]
    [Description("Only these architectures (comma-separated).")]
    public string? Arch { get; init; }
}
