using Spectre.Console;
using VmafTiny.Repro.Cli.Commands;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Torch;
using VmafTiny.Repro.Torch.Fused;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>What commands share: the console, the environment, configuration discovery and engine creation.</summary>
internal sealed class CliServices
{
    private readonly Func<TrainingSettings, ITrainingEngine> _engines;

    /// <summary><paramref name="engines"/> creates the engine a command's options ask for; default <see cref="CreateEngine"/> (the real engines). Tests pass a fake.</summary>
    public CliServices(IAnsiConsole console, CliEnvironment environment, Func<TrainingSettings, ITrainingEngine>? engines = null)
    {
        Console = console;
        Environment = environment;
        _engines = engines ?? CreateEngine;
    }

    public IAnsiConsole Console { get; }
    public CliEnvironment Environment { get; }

    /// <summary>Loads --config, or vmaf-repro.json from the working folder or its nearest parent that has one.</summary>
    public ReproConfig LoadConfig(CommonSettings settings) => ConfigLoader.Load(FindConfig(settings.Config));

    public string FindConfig(string? explicitPath)
    {
        if (explicitPath is not null) return Path.GetFullPath(explicitPath, Environment.WorkingDirectory);
        for (var dir = new DirectoryInfo(Environment.WorkingDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ConfigLoader.FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine(Environment.WorkingDirectory, ConfigLoader.FileName);
    }

    /// <summary>The engine of a training command: --engine and --threads, through the injected factory.</summary>
    public ITrainingEngine Engine(TrainingSettings settings) => _engines(settings);

    /// <summary>The real engine named by --engine (TorchSharp sequential or batched, or the managed fused one).</summary>
    public static ITrainingEngine CreateEngine(TrainingSettings settings) => settings.Engine switch
    {
        "sequential" => new SequentialTorchEngine(settings.Threads),
        "batched" => new BatchedTorchEngine(settings.Threads),
        _ => new FusedEngine(settings.Threads, SimdPaths.Resolve(settings.Simd)),
    };

    public Workspace CreateWorkspace(ReproConfig config, TrainingSettings settings, IEvaluationProgress? progress) =>
        new(config, Engine(settings), progress, CliEnvironment.ToolVersion,
            message => Console.MarkupLineInterpolated($"[grey]{message}[/]"), useCache: !settings.NoCache);
}
