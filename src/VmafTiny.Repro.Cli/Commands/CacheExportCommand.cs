using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Evaluation.Scale;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary><c>vmaf-repro cache export &lt;file&gt;</c>: packs every entry of the training cache into one archive (docs/scale-out.md).</summary>
internal sealed class CacheExportCommand(CliServices services) : Command<CacheExportCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The archive to write (a tar file; written atomically).")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = RunCommand.LoadConfigOrDefault(services, settings);
        var cache = new ResultCache(config.CacheDirectory);
        var file = Path.GetFullPath(settings.File, services.Environment.WorkingDirectory);
        var summary = CacheArchive.Export(cache, file, CliEnvironment.ToolVersion, cancellationToken);
        foreach (var key in summary.Skipped)
            services.Console.MarkupLineInterpolated($"[yellow]skipped:[/] {cache.PathOf(key)} is not a readable training cell (it counts as a miss and retrains)");
        var bytes = new FileInfo(file).Length;
        services.Console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exported {summary.Entries} training cells from {cache.Root} to {file} ({bytes} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(file)))})"));
        return ExitCodes.Success;
    }
}
