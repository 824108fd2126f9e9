using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Export;
using VmafTiny.Repro.Onnx;
using VmafTiny.Repro.Torch.Fused;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro export</c>: trains the ship model on the whole corpus, writes the ONNX file (scaler
/// baked in), its int8 twin, the sidecar and registry.json, and checks them with ONNX Runtime.
/// Exit 0 when every check passes, 1 when one fails.
/// </summary>
internal sealed class ExportCommand(CliServices services) : Command<ExportCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--corpus <NAME|PATH>")]
        [Description("A corpus named in the configuration, or the path of a Parquet file.")]
        public string Corpus { get; init; } = "";

        [CommandOption("--arch <NAME>")]
        [Description("Architecture name from the configuration (e.g. mlp_small).")]
        public string Arch { get; init; } = "";

        [CommandOption("--seed <N>")]
        [Description("Seed of the ship model (default 0).")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--id <ID>")]
        [Description("Model id: the file names <id>.onnx, <id>.int8.onnx, <id>.json (default: vmaf_tiny_<arch>).")]
        public string? Id { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder to write the model files and registry.json into.")]
        public string Out { get; init; } = "";

        [CommandOption("--epochs <N>")]
        [Description("Epochs (default: the recipe's 90).")]
        public int? Epochs { get; init; }

        [CommandOption("--min-plcc <X>")]
        [Description("Quality check: the least PLCC of the ONNX output against the target over every row (default 0.97).")]
        public double? MinPlcc { get; init; }

        [CommandOption("--int8-budget <X>")]
        [Description("int8 check: the largest 1 − PLCC(fp32, int8) over every row (default 0.01).")]
        public double? Int8Budget { get; init; }

        [CommandOption("--group-column <NAME>")]
        [Description("Group column when --corpus is a file path (default: source).")]
        public string? GroupColumn { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Corpus)) return ValidationResult.Error("--corpus is required (a configured corpus name or a Parquet path).");
            if (string.IsNullOrWhiteSpace(Arch)) return ValidationResult.Error("--arch is required (e.g. mlp_small).");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required (the folder for the model files).");
            if (Seed < 0) return ValidationResult.Error("--seed must be a non-negative integer.");
            if (Epochs is <= 0) return ValidationResult.Error("--epochs must be at least 1.");
            if (MinPlcc is < -1 or > 1) return ValidationResult.Error("--min-plcc must be between -1 and 1.");
            if (Int8Budget is < 0 or > 2) return ValidationResult.Error("--int8-budget must be between 0 and 2.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = RunCommand.LoadConfigOrDefault(services, settings);
        var spec = RunCommand.ResolveCorpus(services, config, settings.Corpus, settings.GroupColumn);
        var arch = config.ResolveArchitectures(settings.Arch).Single();
        var recipe = settings.Epochs is { } e ? config.Recipe with { Epochs = e } : config.Recipe;
        var limits = new ExportLimits(settings.MinPlcc ?? ExportLimits.Default.MinPlcc, settings.Int8Budget ?? ExportLimits.Default.Int8Budget);
        var workspace = new Workspace(config, new FusedEngine(1), null, CliEnvironment.ToolVersion,
            message => services.Console.MarkupLineInterpolated($"[grey]{message}[/]"), useCache: false);
        var corpus = workspace.LoadCorpus(spec, cancellationToken);
        var id = settings.Id ?? $"vmaf_tiny_{arch.Name}";
        services.Console.MarkupLineInterpolated($"training the ship model {arch} on all {corpus.Rows} rows of '{spec.Name}' (seed {settings.Seed}, {recipe.Epochs} epochs)");
        var outcome = ShipExporter.Export(new ExportRequest(id, arch, recipe, settings.Seed, corpus.FeatureNames, corpus.Features, corpus.Target,
            Path.GetFullPath(settings.Out, services.Environment.WorkingDirectory), limits), cancellationToken);
        Write(services.Console, outcome);
        return outcome.Passed ? ExitCodes.Success : ExitCodes.Regression;
    }

    internal static void Write(IAnsiConsole console, ExportOutcome outcome)
    {
        var checks = new Table().AddColumns("check", "code", "verdict", "detail");
        foreach (var c in outcome.Checks)
            checks.AddRow(Markup.Escape(c.Name), c.Code, c.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(c.Detail));
        console.Write(checks);
        foreach (var f in new[] { outcome.Onnx, outcome.Int8, outcome.Sidecar, outcome.Registry })
            console.MarkupLineInterpolated($"wrote [bold]{f.Path}[/] ({f.Bytes.ToString(CultureInfo.InvariantCulture)} bytes, sha256 {f.Sha256})");
        foreach (var c in outcome.Checks.Where(c => !c.Passed))
            console.MarkupLineInterpolated($"[red]error {c.Code}: export check '{c.Name}' failed: {c.Detail}[/]");
    }
}
