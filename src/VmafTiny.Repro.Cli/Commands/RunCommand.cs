using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary><c>vmaf-repro run</c>: the multi-seed evaluation of one architecture on one corpus.</summary>
internal sealed class RunCommand(CliServices services) : Command<RunCommand.Settings>
{
    internal sealed class Settings : ShardedTrainingSettings
    {
        [CommandOption("--corpus <NAME|PATH>")]
        [Description("A corpus named in the configuration, or the path of a Parquet file.")]
        public string Corpus { get; init; } = "";

        [CommandOption("--arch <NAME>")]
        [Description("Architecture name from the configuration (mlp_small, mlp_medium, mlp_large, or a custom one).")]
        public string Arch { get; init; } = "";

        [CommandOption("--seeds <LIST>")]
        [Description("Comma-separated seeds (default: the configuration's seeds).")]
        public string? Seeds { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Epochs (default: the configuration's recipe.epochs).")]
        public int? Epochs { get; init; }

        [CommandOption("--group-column <NAME>")]
        [Description("Group column when --corpus is a file path (default: source).")]
        public string? GroupColumn { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the result JSON (default: runs/<corpus>/<arch>.json).")]
        public string? Out { get; init; }

        [CommandOption("--report <FORMAT>")]
        [Description("Also compare with the pair's baseline (if any) and render the report: md, json, junit or html (to --report-file, else to standard output). The exit code stays 0.")]
        public string? Report { get; init; }

        [CommandOption("--report-file <PATH>")]
        [Description("Where to write the report.")]
        public string? ReportFile { get; init; }

        [CommandOption("--plots <DIR>")]
        [Description("Write the charts of the result against its baseline as PNG files into DIR.")]
        public string? Plots { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Corpus)) return ValidationResult.Error("--corpus is required (a configured corpus name or a Parquet path).");
            if (string.IsNullOrWhiteSpace(Arch)) return ValidationResult.Error("--arch is required (e.g. mlp_small).");
            if (Epochs is <= 0 or > Limits.MaxEpochs) return ValidationResult.Error($"--epochs must be 1..{Limits.MaxEpochs}, not {Epochs}.");
            if (ReportOutput.FormatError(Report) is { } reportError) return ValidationResult.Error(reportError);
            if (Shard is not null && (Out ?? Report ?? Plots) is not null)
                return ValidationResult.Error("--shard trains one share and writes no result: --out, --report and --plots belong to the merge job (--from-shards N).");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = LoadConfigOrDefault(services, settings);
        var spec = ResolveCorpus(services, config, settings.Corpus, settings.GroupColumn);
        var arch = config.ResolveArchitectures(settings.Arch).Single();
        var seeds = settings.Seeds is null ? config.Seeds : ParseSeeds(settings.Seeds);
        var recipe = settings.Epochs is { } e ? config.Recipe with { Epochs = e } : config.Recipe;
        if (Sharding.Handle(services, config, settings, workspace => [new(spec, workspace.LoadCorpus(spec, cancellationToken), arch, recipe, seeds)], cancellationToken) is { } shardExit)
            return shardExit;

        var result = ProgressReporting.Run(services.Console, services.Environment, progress =>
        {
            var workspace = services.CreateWorkspace(config, settings, progress);
            var corpus = workspace.LoadCorpus(spec, cancellationToken);
            var r = workspace.Evaluate(spec, corpus, arch, cancellationToken, seeds, recipe);
            var path = workspace.WriteRun(r, spec.Name, settings.Out is null ? null : Path.GetFullPath(settings.Out, services.Environment.WorkingDirectory), cancellationToken);
            var wanted = settings.Report is not null || settings.Plots is not null;
            var baseline = wanted ? workspace.Baselines.TryReadBaselineChecked(spec.Name, arch.Name, arch.Hidden) : null;
            var entry = wanted ? new GateEntry(spec.Name, arch.Name, baseline?.Result, r, workspace.Baselines.BaselinePath(spec.Name, arch.Name), baseline?.Defects) : null;
            return (Result: r, Path: path, Entry: entry);
        });
        ResultTable.Write(services.Console, spec.Name, result.Result);
        services.Console.MarkupLineInterpolated($"wrote [bold]{result.Path}[/]");
        if (result.Entry is { } entry)
            ReportOutput.Write(services, new GateEvaluator(config.Policy).Evaluate([entry]), [entry], settings.Report, settings.ReportFile, settings.Plots, cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>The configuration, or the defaults when there is no configuration file (shared with <c>export</c>).</summary>
    internal static ReproConfig LoadConfigOrDefault(CliServices services, CommonSettings settings)
    {
        var path = services.FindConfig(settings.Config);
        // No file found: path is vmaf-repro.json in the working directory, the root of the defaults.
        return File.Exists(path) || settings.Config is not null ? ConfigLoader.Load(path) : ConfigLoader.Defaults(path);
    }

    /// <summary>A configured corpus by name, or a Parquet file by path (shared with <c>export</c>).</summary>
    internal static CorpusSpec ResolveCorpus(CliServices services, ReproConfig config, string corpus, string? groupColumn)
    {
        var named = config.Corpora.FirstOrDefault(c => c.Name == corpus);
        if (named is not null) return named;
        var path = Path.GetFullPath(corpus, services.Environment.WorkingDirectory);
        if (File.Exists(path) || corpus.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            // The name becomes runs/<name>/: made to follow the name rule ("..parquet" is not "..").
        {
            var file = new CorpusSpec { Name = PathName.Sanitize(Path.GetFileNameWithoutExtension(path)), Path = path };
            return groupColumn is null ? file : file with { GroupColumn = groupColumn };
        }
        return config.ResolveCorpora(corpus).Single();
    }

    internal static IReadOnlyList<int> ParseSeeds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var seeds = new List<int>();
        foreach (var p in parts)
        {
            if (!int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) || s < 0)
                throw new ReproException("VMR3109", $"--seeds: '{p}' is not a non-negative integer", "Pass seeds like --seeds 0,1,2,3,4.");
            if (seeds.Contains(s))
                throw new ReproException("VMR3109", $"--seeds: seed {s} is given twice", "Pass each seed once.");
            seeds.Add(s);
        }
        if (seeds.Count == 0) throw new ReproException("VMR3109", "--seeds is empty", "Pass seeds like --seeds 0,1,2,3,4.");
        return seeds;
    }
}
