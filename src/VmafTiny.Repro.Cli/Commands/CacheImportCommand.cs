using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Evaluation.Scale;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro cache import &lt;file...&gt;</c>: verifies every archive completely, then adds their
/// entries to the training cache; a corrupted, foreign or conflicting entry imports nothing.
/// </summary>
internal sealed class CacheImportCommand(CliServices services) : Command<CacheImportCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<FILES>")]
        [Description("Archives written by cache export (one per shard).")]
        public string[] Files { get; init; } = [];

        public override ValidationResult Validate() =>
            Files.Length == 0 ? ValidationResult.Error("cache import needs at least one archive.") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = RunCommand.LoadConfigOrDefault(services, settings);
        var cache = new ResultCache(config.CacheDirectory);
        var files = settings.Files.Select(f => Path.GetFullPath(f, services.Environment.WorkingDirectory)).ToList();
        var summary = CacheArchive.Import(cache, files, cancellationToken);
        services.Console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {summary.Entries} training cells from {summary.Archives} archives into {cache.Root}: {summary.Added} new, {summary.AlreadyPresent} already there"));
        return ExitCodes.Success;
    }
}
