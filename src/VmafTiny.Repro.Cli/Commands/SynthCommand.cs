using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro synth</c>: writes the deterministic synthetic corpora — every synthetic corpus of
/// the configuration, or one shape to --out.
/// </summary>
internal sealed class SynthCommand(CliServices services) : Command<SynthCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--shape <SHAPE>")]
        [Description("netflix (9 sources, leave-one-source-out) or konvid (5 folds). Without it: every synthetic corpus of the configuration.")]
        public string? Shape { get; init; }

        [CommandOption("--rows <N>")]
        [Description("Rows to generate (default: netflix 11040, konvid 20000; konvid up to ~270000).")]
        public int? Rows { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Generator seed (default 1).")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--out <FILE>")]
        [Description("Output Parquet file (with --shape).")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (Shape is not (null or "netflix" or "konvid")) return ValidationResult.Error($"--shape must be netflix or konvid, not '{Shape}'.");
            if (Shape is not null && Out is null) return ValidationResult.Error("--shape needs --out <file.parquet>.");
            if (Shape is not null && Generator().Problem() is { } problem) return ValidationResult.Error($"--shape/--rows/--seed: {problem}.");
            if (Shape is null && (Rows is not null || Seed != 1)) return ValidationResult.Error("--rows and --seed need --shape (without it the configured synthetic corpora are written).");
            return ValidationResult.Success();
        }

        /// <summary>The generator settings these options ask for (with --shape).</summary>
        public SyntheticCorpusSettings Generator()
        {
            var shape = Shape ?? "netflix";
            return new SyntheticCorpusSettings(shape, Rows ?? (shape == "netflix" ? 11040 : 20000), Seed);
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Shape is { } shape)
        {
            var synth = settings.Generator();
            var rows = synth.Rows;
            var path = Path.GetFullPath(settings.Out!, services.Environment.WorkingDirectory);
            // The user named it: a device or FIFO (/dev/null, a pipe) is written in place, as run --out is.
            Workspace.GenerateSynthetic(synth, path, IO.SpecialTarget.WriteInPlace, cancellationToken);
            services.Console.MarkupLineInterpolated($"wrote {shape} corpus, {rows} rows: [bold]{path}[/]");
            return ExitCodes.Success;
        }
        var config = services.LoadConfig(settings);
        foreach (var spec in config.Corpora)
        {
            if (!config.Synthetic.TryGetValue(spec.Name, out var synth)) continue;
            Workspace.GenerateSynthetic(synth, spec.Path, cancellationToken: cancellationToken);
            services.Console.MarkupLineInterpolated($"wrote {spec.Name} ({synth.Shape}, {synth.Rows} rows): [bold]{spec.Path}[/]");
        }
        return ExitCodes.Success;
    }
}
