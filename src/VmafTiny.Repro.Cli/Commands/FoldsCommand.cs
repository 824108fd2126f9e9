using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Protocol;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro folds</c>: assigns whole groups (clips) of a corpus file to k folds and writes a copy
/// with the fold in a <c>source</c> column (<see cref="FoldsFile"/>; the rule is <see cref="FoldAssignment"/>).
/// </summary>
internal sealed class FoldsCommand(CliServices services) : Command<FoldsCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--corpus <FILE>")]
        [Description("The corpus Parquet file, e.g. the KoNViD pairs file (key, frame_index, the six features, vmaf).")]
        public string? Corpus { get; init; }

        [CommandOption("--by <COLUMN>")]
        [Description("The column whose values are kept together in one fold (default: key, the KoNViD clip).")]
        [DefaultValue("key")]
        public string By { get; init; } = "key";

        // "--k" reaches Spectre as "-k" (CliApp.NormalizeArgs).
        [CommandOption("-k|--folds <K>")]
        [Description("Number of folds (default 5).")]
        [DefaultValue(5)]
        public int K { get; init; } = 5;

        [CommandOption("--seed <N>")]
        [Description("Seed of the group shuffle (numpy default_rng; default 0).")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--drop-non-finite")]
        [Description("Count only rows without NaN/Inf/null features or target (as a corpus with drop_non_finite); every row is still copied.")]
        public bool DropNonFinite { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The Parquet file to write: every input column plus 'source' = fold0..fold{k-1}.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Corpus)) return ValidationResult.Error("--corpus <file.parquet> is required.");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out <file.parquet> is required.");
            if (string.IsNullOrWhiteSpace(By)) return ValidationResult.Error("--by needs a column name.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var input = Path.GetFullPath(settings.Corpus!, services.Environment.WorkingDirectory);
        var output = Path.GetFullPath(settings.Out!, services.Environment.WorkingDirectory);
        var outcome = FoldsFile.Write(input, output, new FoldAssignmentSettings(settings.K, settings.Seed, settings.By), settings.DropNonFinite, cancellationToken);
        var perFold = string.Join(", ", outcome.RowsPerFold.Select(kv => $"{kv.Key} {kv.Value.ToString(CultureInfo.InvariantCulture)}"));
        services.Console.MarkupLineInterpolated(
            $"assigned {outcome.Groups} groups of '{settings.By}' to {settings.K} folds (seed {settings.Seed}); rows per fold: {perFold}");
        services.Console.MarkupLineInterpolated($"corpus sha256 with these folds: {outcome.Fingerprint.Sha256}");
        services.Console.MarkupLineInterpolated($"wrote [bold]{outcome.Path}[/] ({outcome.RowsInFile} rows, fold column 'source')");
        return ExitCodes.Success;
    }
}
