using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>
/// The built CLI run as a real process (<c>dotnet vmaf-repro.dll ...</c>) with CI=true, its output
/// captured line by line, so tests can signal or kill it at a chosen moment.
/// </summary>
internal sealed partial class ToolProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly object _gate = new();

    private ToolProcess(Process process)
    {
        _process = process;
        Started = Stopwatch.StartNew();
    }

    /// <summary>The vmaf-repro.dll the test project references (copied next to the tests).</summary>
    public static string DllPath => typeof(CliApp).Assembly.Location;

    public Stopwatch Started { get; }
    public int Id => _process.Id;

    public string Output { get { lock (_gate) return _out.ToString(); } }
    public string Errors { get { lock (_gate) return _err.ToString(); } }

    /// <summary>
    /// Starts the tool in <paramref name="workingDirectory"/>. SIGINT and SIGTERM are reset to their
    /// default disposition (GNU env --default-signal) because a test host started in the background
    /// by a non-interactive shell inherits SIGINT as ignored, and .NET keeps an ignored SIGINT ignored.
    /// With <paramref name="shellPrefix"/>, runs through <c>bash -c '&lt;prefix&gt;; exec dotnet ...'</c>.
    /// </summary>
    public static ToolProcess Start(string workingDirectory, IReadOnlyList<string> args, string? shellPrefix = null)
    {
        var psi = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.Environment["CI"] = "true";
        var command = new List<string>();
        if (EnvResetsSignals.Value) command.AddRange(["env", "--default-signal=INT,TERM"]);
        command.AddRange(["dotnet", DllPath, .. args]);
        if (shellPrefix is null)
        {
            psi.FileName = command[0];
            foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = "bash";
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add($"{shellPrefix}; exec {string.Join(' ', command.Select(Quote))}");
        }
        var process = new Process { StartInfo = psi };
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (tool._gate) tool._out.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (tool._gate) tool._err.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Runs to completion (at most <paramref name="timeout"/>) and returns the exit code.</summary>
    public static (int ExitCode, string Output, string Errors) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        if (!p.WaitForExit(timeout)) throw new TimeoutException($"vmaf-repro {string.Join(' ', args)} did not finish in {timeout}: {p.Output}{p.Errors}");
        return (p.ExitCode, p.Output, p.Errors);
    }

    /// <summary>Waits until standard output satisfies <paramref name="predicate"/>; false on timeout or exit.</summary>
    public bool WaitForOutput(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (predicate(Output)) return true;
            if (_process.HasExited) return predicate(Output);
            Thread.Sleep(20);
        }
        return false;
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit(); // drain the asynchronous output readers
        return true;
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    public override string ToString() => $"--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static readonly Lazy<bool> EnvResetsSignals = new(() =>
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("env", ["--default-signal=INT,TERM", "true"]) { RedirectStandardError = true, UseShellExecute = false })!;
            p.WaitForExit(5000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
