using System.ComponentModel;
using System.Diagnostics;
using Newtonsoft.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Training;
using VmafTiny.Repro.Torch.Fused;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// Hidden: one benchmark measurement in a fresh process (so that peak RSS is this measurement's
/// own): trains a grid without the cache and prints one JSON line.
/// </summary>
internal sealed class BenchProbeCommand(CliServices services) : Command<BenchProbeCommand.Settings>
{
    internal sealed class Settings : TrainingSettings
    {
        [CommandOption("--corpus-path <PATH>")] public string CorpusPath { get; init; } = "";
        [CommandOption("--group-column <NAME>")] public string GroupColumn { get; init; } = "source";
        [CommandOption("--arch <NAME>")] public string Arch { get; init; } = "mlp_small";
        [CommandOption("--seed-count <N>")] [Description("Train seeds 0 .. N-1 (a count; elsewhere --seeds is a list).")] public int Seeds { get; init; } = 5;
        [CommandOption("--epochs <N>")] public int Epochs { get; init; } = 90;
        [CommandOption("--kernels")] [Description("Print the fused engine's FMA peak and per-layer kernel GFLOP/s on one thread for every SIMD path this CPU runs, and exit.")] public bool Kernels { get; init; }
        [CommandOption("--max-folds <N>")] [Description("Train only the first N folds (timing only: no metrics).")] public int? MaxFolds { get; init; }

        public override ValidationResult Validate()
        {
            if (Kernels) return base.Validate();
            if (string.IsNullOrWhiteSpace(CorpusPath) || CorpusPath.Any(char.IsControl))
                return ValidationResult.Error("--corpus-path is required: the Parquet file to train on.");
            if (string.IsNullOrWhiteSpace(GroupColumn)) return ValidationResult.Error("--group-column must name a column, e.g. source.");
            if (ArchitecturesProblem(Arch, single: true) is { } arch) return ValidationResult.Error(arch);
            if (Seeds is < 1 or > Limits.MaxSeedCount) return ValidationResult.Error($"--seed-count must be 1..{Limits.MaxSeedCount}, not {Seeds}.");
            if (Epochs is < 1 or > Limits.MaxEpochs) return ValidationResult.Error($"--epochs must be 1..{Limits.MaxEpochs}, not {Epochs}.");
            if (MaxFolds is < 1) return ValidationResult.Error($"--max-folds must be ≥ 1, not {MaxFolds}.");
            return base.Validate();
        }

        /// <summary>What is wrong with an <c>--arch</c> list of the benchmarks (published architectures only), or null.</summary>
        internal static string? ArchitecturesProblem(string names, bool single = false)
        {
            var known = Architecture.Known.Select(a => a.Name).ToList();
            var wanted = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (wanted.Length == 0 || single && wanted.Length != 1)
                return $"--arch must name {(single ? "one" : "at least one")} of {string.Join(", ", known)}.";
            var unknown = wanted.Where(w => !known.Contains(w)).ToList();
            return unknown.Count == 0 ? null
                : $"--arch: unknown architecture {MessageText.List(unknown.Select(u => $"'{MessageText.Printable(u)}'"))}; the benchmarks run the published ones: {string.Join(", ", known)}.";
        }
    }

    /// <summary>
    /// One measurement. <c>CpuSeconds</c> is the process's CPU time over the training (steadier than wall
    /// time on a shared machine); <c>Collections</c> the GCs during training (all generations);
    /// <c>Phases</c> and <c>LoopAllocatedBytes</c> only for the fused engine.
    /// </summary>
    public sealed record Measurement(string Engine, string Arch, int Rows, int Trainings, double WallSeconds, double Flops, long PeakRssBytes, int Threads,
        Dictionary<string, double> Plcc, double CpuSeconds = 0, int Collections = 0, Dictionary<string, double>? Phases = null, long? LoopAllocatedBytes = null,
        string? Backend = null);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Kernels) return PrintKernels();
        var spec = new CorpusSpec { Name = Path.GetFileNameWithoutExtension(settings.CorpusPath), Path = settings.CorpusPath, GroupColumn = settings.GroupColumn };
        var corpus = new CorpusReader().Read(spec, cancellationToken);
        var arch = Architecture.Known.Single(a => a.Name == settings.Arch);
        var recipe = TrainingRecipe.Default with { Epochs = settings.Epochs };
        var telemetry = new FusedTelemetry();
        var engine = settings.Engine == "fused" ? new FusedEngine(settings.Threads, SimdPaths.Resolve(settings.Simd), telemetry) : services.Engine(settings);
        var seeds = Enumerable.Range(0, settings.Seeds).ToList();
        var folds = FoldPlan.Create(corpus).Take(settings.MaxFolds ?? int.MaxValue).ToList();
        var flops = seeds.Count * folds.Sum(f => FlopCount.Training(arch, corpus.FeatureCount, f.TrainRows.Length, recipe.Epochs));
        Stopwatch sw;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var collections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        Dictionary<string, double> plcc = [];
        if (settings.MaxFolds is null)
        {
            var evaluator = new Evaluator(engine, cache: null, progress: null, CliEnvironment.ToolVersion);
            sw = Stopwatch.StartNew();
            var result = evaluator.Evaluate(corpus, spec, arch, recipe, seeds, cancellationToken);
            sw.Stop();
            plcc = result.PerSeedPerFold.SelectMany(s => s.Value.Select(f => (Key: $"{s.Key}/{f.Key}", f.Value.Plcc))).ToDictionary(x => x.Key, x => x.Plcc);
        }
        else
        {
            // A subset of the grid, for engines too slow to time on the whole of it.
            var jobs = folds.SelectMany(f =>
            {
                var (x, y, tx) = Evaluator.PrepareFold(corpus, f, recipe);
                return seeds.Select(seed => new TrainingJob(arch, recipe, seed, f.HeldOut, corpus.FeatureCount, x, y, tx));
            }).ToList();
            sw = Stopwatch.StartNew();
            engine.Train(jobs, _ => { }, cancellationToken);
            sw.Stop();
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        collections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - collections;
        var fused = engine is FusedEngine;
        var phases = fused
            ? new Dictionary<string, double> { ["gather"] = telemetry.Gather.TotalSeconds, ["forward"] = telemetry.Forward.TotalSeconds, ["backward"] = telemetry.Backward.TotalSeconds, ["adam"] = telemetry.Adam.TotalSeconds }
            : null;
        var m = new Measurement(engine.Name, arch.Name, corpus.Rows, seeds.Count * folds.Count, sw.Elapsed.TotalSeconds, flops,
            ProcessMemory.PeakRssBytes(), engine.Threads.Parallelism, plcc, cpu.TotalSeconds, collections, phases,
            fused ? telemetry.AllocatedBytesInLoops : null, engine.Backend);
        services.Console.Profile.Out.Writer.WriteLine(JsonConvert.SerializeObject(m));
        return ExitCodes.Success;
    }

    private int PrintKernels()
    {
        var layers = new[] { (6, 64), (64, 32), (32, 16), (16, 1), (6, 16), (16, 8), (8, 1), (6, 32) };
        foreach (var path in SimdPaths.Supported)
        {
            var peak = FusedBenchmarks.FmaPeakGflops(path);
            var figures = layers.ToDictionary(l => $"{l.Item1}x{l.Item2}", l =>
            {
                var (f, w, d) = FusedBenchmarks.LayerGflops(path, l.Item1, l.Item2);
                return new[] { Math.Round(f, 1), Math.Round(w, 1), Math.Round(d, 1) };
            });
            services.Console.Profile.Out.Writer.WriteLine(JsonConvert.SerializeObject(new { Path = SimdPaths.Name(path), PeakGflops = Math.Round(peak, 1), Layers = figures }));
        }
        return ExitCodes.Success;
    }
}
