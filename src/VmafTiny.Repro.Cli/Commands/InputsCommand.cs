using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Baselines;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro inputs</c>: every file the gate reads, one absolute path per line, for incremental
/// builds: the configuration; every configured corpus and the baseline every configured (corpus,
/// arch) pair expects, <b>whether or not it exists</b> (a deleted baseline must change the build's
/// key); every other baseline on disk (stale ones are reported); and the tool itself (every assembly
/// and runtime file beside it, so a rebuilt or relabelled tool of the same version counts as changed).
/// </summary>
internal sealed class InputsCommand(CliServices services) : Command<CommonSettings>
{
    public override int Execute(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        var config = services.LoadConfig(settings);
        var store = new BaselineStore(config.BaselinesDirectory);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var w = services.Console.Profile.Out.Writer;
        void Emit(string path)
        {
            if (seen.Add(path)) w.WriteLine(path);
        }

        Emit(config.ConfigPath);
        foreach (var c in config.Corpora) Emit(c.Path);
        foreach (var (corpus, arch) in config.Pairs) Emit(store.BaselinePath(corpus, arch));
        foreach (var b in store.ListBaselines()) Emit(b.Path);
        foreach (var f in ToolFiles()) Emit(f);
        return ExitCodes.Success;
    }

    /// <summary>The tool's managed assemblies and runtime configuration (not the native libraries: libtorch alone is 0.5 GB).</summary>
    private static IEnumerable<string> ToolFiles()
    {
        var self = typeof(InputsCommand).Assembly.Location;
        var dir = Path.GetDirectoryName(self);
        if (string.IsNullOrEmpty(dir) || !Directory.Exists(dir)) return [self];
        return Directory.EnumerateFiles(dir)
            .Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".deps.json", StringComparison.Ordinal)
                        || f.EndsWith(".runtimeconfig.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Prepend(self)
            .Distinct(StringComparer.Ordinal);
    }
}
