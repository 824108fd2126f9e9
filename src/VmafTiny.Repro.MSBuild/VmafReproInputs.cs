using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.MSBuild;

/// <summary>
/// Lists every file the gate reads (<c>vmaf-repro inputs</c>, run from an argument list, no shell),
/// with metadata <c>Exists</c> and <c>Sha256</c> (empty for an expected file that does not exist).
/// A tool that cannot list them is a warning here: the gate itself reports the real error.
/// </summary>
public sealed class VmafReproInputs : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>Path of vmaf-repro.json.</summary>
    [Required]
    public string ConfigFile { get; set; } = "";

    /// <summary>vmaf-repro.dll to run with <c>dotnet</c>; empty runs the installed tool.</summary>
    public string? ToolAssembly { get; set; }

    /// <summary>Where the tool runs (where its tool manifest is found).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The dotnet host (default: <see cref="DotNetHost.Find"/>, as the gate task).</summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>The files.</summary>
    [Output]
    public ITaskItem[] Inputs { get; private set; } = [];

    /// <inheritdoc />
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var host = DotNetHost.Find(DotNetHostPath);
        var settings = new GateSettings { ConfigFile = ConfigFile, ToolAssembly = ToolAssembly };
        var r = ToolProcess.Run(host, GateArguments.ForInputs(settings), string.IsNullOrWhiteSpace(WorkingDirectory) ? null : WorkingDirectory,
            TimeSpan.FromMinutes(5), _cancel.Token);
        if (r.ExitCode != ExitCodes.Success)
        {
            Log.LogWarning(null, GateTaskCodes.ToolNotRunnable, null, ConfigFile, 0, 0, 0, 0,
                "vmaf-repro inputs exited with code {0} ({1}): {2}", r.ExitCode, ExitCodes.Describe(r.ExitCode),
                string.Join(" ", r.Output.Concat(r.Error).Take(3)));
            return !Log.HasLoggedErrors;
        }
        var fingerprint = GateFingerprint.Of(r.Output);
        Inputs = [.. fingerprint.Files.Select(f =>
        {
            var item = new TaskItem(f.Key);
            item.SetMetadata("Exists", f.Value == GateFingerprint.Missing ? "false" : "true");
            item.SetMetadata("Sha256", f.Value == GateFingerprint.Missing ? "" : f.Value);
            return (ITaskItem)item;
        })];
        return true;
    }
}
