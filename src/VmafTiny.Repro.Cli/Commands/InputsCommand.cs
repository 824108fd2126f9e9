using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Baselines;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro inputs</c>: every file the gate reads, one absolute path per line (the
/// configuration, the corpora, the baselines, the tool itself), for incremental builds.
/// </summary>
internal sealed class InputsCommand(CliServices services) : Command<CommonSettings>
{
    public override int Execute(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        var config = services.LoadConfig(settings);
        var w = services.Console.Profile.Out.Writer;
        w.WriteLine(config.ConfigPath);
        foreach (var c in config.Corpora) w.WriteLine(c.Path);
        foreach (var b in new BaselineStore(config.BaselinesDirectory).ListBaselines()) w.WriteLine(b.Path);
        w.WriteLine(typeof(InputsCommand).Assembly.Location);
        return ExitCodes.Success;
    }
}
