using System.ComponentModel;
using System.Diagnostics;
using Newtonsoft.Json;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Training;

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
        [CommandOption("--seeds <N>")] [Description("Train the first N seeds only.")] public int Seeds { get; init; } = 5;
        [CommandOption("--epochs <N>")] public int Epochs { get; init; } = 90;
        [CommandOption("--max-folds <N>")] [Description("Train only the first N folds (timing only: no metrics).")] public int? MaxFolds { get; init; }
    }

    public sealed record Measurement(string Engine, string Arch, int Rows, int Trainings, double WallSeconds, double Flops, long PeakRssBytes, int Threads,
        Dictionary<string, double> Plcc);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = new CorpusSpec { Name = Path.GetFileNameWithoutExtension(settings.CorpusPath), Path = settings.CorpusPath, GroupColumn = settings.GroupColumn };
        var corpus = new CorpusReader().Read(spec, cancellationToken);
        var arch = Architecture.Known.Single(a => a.Name == settings.Arch);
        var recipe = TrainingRecipe.Default with { Epochs = settings.Epochs };
        var engine = CliServices.CreateEngine(settings);
        var seeds = Enumerable.Range(0, settings.Seeds).ToList();
        var folds = FoldPlan.Create(corpus).Take(settings.MaxFolds ?? int.MaxValue).ToList();
        var flops = seeds.Count * folds.Sum(f => FlopCount.Training(arch, corpus.FeatureCount, f.TrainRows.Length, recipe.Epochs));
        Stopwatch sw;
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
        var m = new Measurement(engine.Name, arch.Name, corpus.Rows, seeds.Count * folds.Count, sw.Elapsed.TotalSeconds, flops,
            ProcessMemory.PeakRssBytes(), engine.Threads.Parallelism, plcc);
        services.Console.Profile.Out.Writer.WriteLine(JsonConvert.SerializeObject(m));
        return ExitCodes.Success;
    }
}
