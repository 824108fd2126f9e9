using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro calibrate</c>: re-runs each selected (corpus, arch) with other seed sets (or, with
/// --same-seeds, with the configured seeds and no training cache, judged cell by cell as verify
/// does) and estimates the gate's false-alarm rate and the smallest PLCC drop it detects (see Calibration).
/// </summary>
internal sealed class CalibrateCommand(CliServices services) : Command<CalibrateCommand.Settings>
{
    internal sealed class Settings : PairTrainingSettings
    {
        [CommandOption("--reruns <N>")]
        [Description("Seed sets to re-run with (default 3).")]
        [DefaultValue(3)]
        public int Reruns { get; init; } = 3;

        [CommandOption("--seed-base <N>")]
        [Description("First seed of the first rerun; rerun r uses the next block of as many seeds as the configuration has (default 1000; not used with --same-seeds).")]
        [DefaultValue(1000)]
        public int SeedBase { get; init; } = 1000;

        [CommandOption("--same-seeds")]
        [Description("Re-run with the configured seeds instead (retrained, the training cache is not used) and pair cells as verify does: the gate as CI runs it.")]
        public bool SameSeeds { get; init; }

        /// <summary>Most reruns: each is a full multi-seed evaluation of every selected pair.</summary>
        public const int MaxReruns = 1000;

        public override ValidationResult Validate()
        {
            if (Reruns is < 1 or > MaxReruns) return ValidationResult.Error($"--reruns must be 1..{MaxReruns}, not {Reruns}.");
            if (SeedBase < 0) return ValidationResult.Error($"--seed-base must be ≥ 0, not {SeedBase}.");
            if (SameSeeds && (Shard is not null || FromShards is not null))
                return ValidationResult.Error("--same-seeds retrains without the training cache, which is what shards share: run it without --shard/--from-shards.");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = services.LoadConfig(settings);
        var (corpora, archs) = config.SelectPairs(settings.Corpus, settings.Arch);
        var n = config.Seeds.Count;
        // Rerun r uses seeds SeedBase + r*n .. SeedBase + (r+1)*n - 1: all of them must be ints.
        var lastSeed = settings.SeedBase + (long)settings.Reruns * n - 1;
        if (!settings.SameSeeds && lastSeed > int.MaxValue)
            throw new ReproException("VMR3100", $"--seed-base {settings.SeedBase} with --reruns {settings.Reruns} x {n} seeds needs seeds up to {lastSeed}, beyond {int.MaxValue}",
                "Pass a smaller --seed-base (default 1000) or fewer --reruns.", ExitCodes.UsageOrInputError);
        if (Sharding.Handle(services, config, settings, workspace => corpora.SelectMany(spec =>
            {
                var corpus = workspace.LoadCorpus(spec, cancellationToken);
                return archs.SelectMany(arch => Enumerable.Range(0, settings.Reruns).Select(r =>
                    new Evaluation.Scale.GridPart(spec, corpus, arch, config.Recipe, Enumerable.Range(settings.SeedBase + r * n, n).ToList())));
            }).ToList(), cancellationToken) is { } shardExit)
            return shardExit;
        var rows = new List<(string Corpus, string Arch, CalibrationResult Result)>();
        ProgressReporting.Run(services.Console, services.Environment, progress =>
        {
            // A same-seed rerun served from the cache would be the baseline's own cells: retrain.
            var workspace = settings.SameSeeds
                ? new Workspace(config, services.Engine(settings), progress, CliEnvironment.ToolVersion, useCache: false)
                : services.CreateWorkspace(config, settings, progress);
            foreach (var spec in corpora)
            {
                var corpus = workspace.LoadCorpus(spec, cancellationToken);
                foreach (var arch in archs)
                {
                    var baseline = workspace.Baselines.TryReadBaseline(spec.Name, arch.Name)
                        ?? throw new ReproException("VMR1004", $"{spec.Name}/{arch.Name} has no baseline to calibrate against",
                            "Run vmaf-repro verify and approve the received file first.", ExitCodes.NotComparable, workspace.Baselines.BaselinePath(spec.Name, arch.Name));
                    var reruns = new List<EvaluationResult>();
                    for (var r = 0; r < settings.Reruns; r++)
                    {
                        var seeds = settings.SameSeeds ? config.Seeds : Enumerable.Range(settings.SeedBase + r * n, n).ToList();
                        reruns.Add(workspace.Evaluate(spec, corpus, arch, cancellationToken, seeds));
                    }
                    var pairing = settings.SameSeeds ? Pairing.Cells : Pairing.FoldMeans;
                    rows.Add((spec.Name, arch.Name, Calibration.Estimate(baseline, reruns, config.Policy, spec.Name, arch.Name, pairing)));
                }
            }
            return 0;
        });

        services.Console.Write(CalibrationTable(rows, settings.SameSeeds));
        return ExitCodes.Success;
    }

    private static Table CalibrationTable(List<(string Corpus, string Arch, CalibrationResult Result)> rows, bool sameSeeds)
    {
        var table = new Table().Title(sameSeeds
                ? "gate calibration (reruns with the same seeds, retrained, cells paired as verify does; no real change)"
                : "gate calibration (reruns with other seed sets, no real change)")
            .AddColumns("corpus", "arch", "reruns compared", "false alarms", "false-alarm rate", "smallest PLCC drop detected (median)");
        if (sameSeeds) table.AddColumn("max |Δ PLCC| of a cell");
        foreach (var (corpus, arch, result) in rows)
        {
            string[] cells =
            [
                Markup.Escape(corpus), Markup.Escape(arch), result.Compared.ToString(CultureInfo.InvariantCulture),
                result.Runs.Count(r => r.Verdict == GateVerdict.Regressed).ToString(CultureInfo.InvariantCulture),
                result.FalseAlarmRate.ToString("P0", CultureInfo.InvariantCulture),
                result.MedianDetectablePlccDrop.ToString("0.000000", CultureInfo.InvariantCulture),
            ];
            table.AddRow(sameSeeds ? [.. cells, result.MaxCellPlccDifference.ToString("0.0E+0", CultureInfo.InvariantCulture)] : cells);
        }
        return table;
    }
}
