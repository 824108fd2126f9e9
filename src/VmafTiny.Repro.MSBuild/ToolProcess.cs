using System.Diagnostics;

namespace VmafTiny.Repro.MSBuild;

/// <summary>The result of a short tool run (a probe): exit code and its output lines.</summary>
/// <param name="ExitCode">The exit code; -1 when it timed out or was cancelled.</param>
/// <param name="Output">Standard output, one element per line.</param>
/// <param name="Error">Standard error, one element per line.</param>
/// <param name="TimedOut">Killed (with its process tree) because it ran longer than allowed.</param>
public sealed record ProbeResult(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Error, bool TimedOut);

/// <summary>
/// Runs a process from an argument list (<see cref="ProcessStartInfo.ArgumentList"/>: no shell, no
/// re-splitting, no quoting) and kills its whole tree on timeout or cancellation.
/// </summary>
public static class ToolProcess
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it.</summary>
    public static ProbeResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        if (!string.IsNullOrEmpty(workingDirectory)) psi.WorkingDirectory = workingDirectory;
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        // The probe is not a user-facing run: no colours, no progress bar, no first-run banner.
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NO_COLOR"] = "1";

        var output = new List<string>();
        var error = new List<string>();
        using var p = new Process { StartInfo = psi };
        using var outDone = new ManualResetEventSlim();
        using var errDone = new ManualResetEventSlim();
        p.OutputDataReceived += (_, e) => { if (e.Data is null) outDone.Set(); else lock (output) output.Add(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is null) errDone.Set(); else lock (error) error.Add(e.Data); };
        p.Start();
        p.StandardInput.Close();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();

        using var killOnCancel = cancellationToken.Register(() => KillTree(p));
        var finished = p.WaitForExit(timeout <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : timeout);
        if (!finished) KillTree(p);
        // Both pipes to end of file (WaitForExit with a timeout does not wait for them); bounded, in
        // case a grandchild escaped the tree and holds them open.
        WaitHandle.WaitAll([outDone.WaitHandle, errDone.WaitHandle], TimeSpan.FromSeconds(finished ? 30 : 5));
        p.WaitForExit(1000);
        var stopped = !finished || cancellationToken.IsCancellationRequested;
        lock (output) lock (error)
            return new ProbeResult(stopped ? -1 : p.ExitCode, [.. output], [.. error], !finished);
    }

    /// <summary>Kills a process and every process it started; a process that already exited is no error.</summary>
    public static void KillTree(Process p)
    {
        try
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }
}
