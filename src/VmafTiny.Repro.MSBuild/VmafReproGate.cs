using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.MSBuild;

/// <summary>
/// Runs <c>vmaf-repro verify --diagnostics=msbuild</c> out of process (libtorch never loads into an
/// MSBuild node) and turns its canonical output lines into MSBuild errors and warnings with their
/// VMR#### code and file. Never a silent pass: it skips only when the content of every input, of the
/// tool and the settings are those of the last pass; concurrent builds wait on a cross-process lock
/// (once per build is the targets' job: one gate project); it fails on any non-zero exit.
/// </summary>
public sealed partial class VmafReproGate : ToolTask
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(5);

    private readonly List<ITaskItem> _findings = [];
    private readonly List<GateDiagnostic> _held = [];
    private readonly HashSet<string> _reportedWithFile = new(StringComparer.Ordinal);
    private readonly List<string> _warningCodes = [];
    private readonly List<string> _lastLines = [];
    private readonly CancellationTokenSource _cancel = new();
    private IReadOnlyList<string> _arguments = [];
    private bool _verdictSeen;

    /// <summary>Path of vmaf-repro.json (the CLI looks in the working directory when empty).</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Only gate this corpus.</summary>
    public string? Corpus { get; set; }

    /// <summary>Only gate this architecture.</summary>
    public string? Arch { get; set; }

    /// <summary>Band width in standard deviations (invariant culture).</summary>
    public string? K { get; set; }

    /// <summary>Report format: md, json or junit.</summary>
    public string? ReportFormat { get; set; }

    /// <summary>Report destination file.</summary>
    public string? ReportFile { get; set; }

    /// <summary>Approve the received results as baselines (needs <see cref="ApproveReason"/>).</summary>
    public bool Approve { get; set; }

    /// <summary>Why the baselines are approved.</summary>
    public string? ApproveReason { get; set; }

    /// <summary>Report regressions as warnings (<c>--warn-only</c>); a non-zero exit still fails.</summary>
    public bool WarnOnly { get; set; }

    /// <summary>vmaf-repro.dll to run with <c>dotnet</c>; empty runs the installed tool (<c>dotnet vmaf-repro</c>).</summary>
    public string? ToolAssembly { get; set; }

    /// <summary>Directory the tool runs in (where its tool manifest is found); defaults to the config's directory.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The dotnet host; default: <see cref="DotNetHost.Find"/> (DOTNET_HOST_PATH, then dotnet on PATH).</summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>
    /// Where the stamp and the lock live (shared by every project gating the same configuration);
    /// empty: no incrementality, no lock (the gate always runs).
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>The timeout in seconds (VmafReproTimeout): the tool's process tree is killed after it. Empty or 0: none.</summary>
    public string? TimeoutSeconds { get; set; }

    /// <summary>Every error and warning the tool reported: item spec = code, metadata Severity, File, Message.</summary>
    [Output]
    public ITaskItem[] Findings => [.. _findings];

    /// <summary>What happened: <c>passed</c>, <c>skipped</c>, <c>failed</c> or <c>approved</c>.</summary>
    [Output]
    public string Outcome { get; private set; } = "failed";

    /// <inheritdoc />
    protected override string ToolName => DotNetHost.FileName;

    internal GateSettings Settings => new()
    {
        ConfigFile = ConfigFile,
        Corpus = Corpus,
        Arch = Arch,
        K = K,
        ReportFormat = ReportFormat,
        ReportFile = ReportFile,
        Approve = Approve,
        Reason = ApproveReason,
        WarnOnly = WarnOnly,
        ToolAssembly = ToolAssembly,
    };

    /// <summary>The settings that decide a verdict, one per line (part of the incremental key).</summary>
    internal string SettingsText => string.Join("\n",
        "config=" + ConfigFile, "corpus=" + Corpus, "arch=" + Arch, "k=" + K, "report=" + ReportFormat,
        "report-file=" + ReportFile, "warn-only=" + WarnOnly, "approve=" + Approve, "reason=" + ApproveReason,
        "tool=" + ToolAssembly, "cwd=" + GetWorkingDirectory());

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!Prepare(out var host)) return false;

        var state = string.IsNullOrWhiteSpace(StateDirectory) ? null : new GateState(StateDirectory);
        var deadline = Deadline();
        var waitBegan = DateTime.UtcNow;
        using var held = state?.Lock(
            () => _cancel.IsCancellationRequested || DateTime.UtcNow > deadline,
            () =>
            {
                _waited = true;
                Log.LogMessage(MessageImportance.High, "vmaf-repro gate: waiting for another build gating {0} (lock {1})", ConfigFile, state.LockPath);
            });
        if (state is not null && held is null)
        {
            LogError(_cancel.IsCancellationRequested ? GateTaskCodes.FailedElsewhere : GateTaskCodes.TimedOut,
                "vmaf-repro gate: gave up waiting for the lock {0} held by another build. Wait for that build, or raise VmafReproTimeout",
                state.LockPath);
            return false;
        }
        return RunUnderLock(host, state, waitBegan);
    }

    private bool Prepare(out string host)
    {
        host = "";
        if (GateArguments.Validate(Settings) is { } p)
        {
            LogError(p.Code, "{0}", p.Message);
            return false;
        }
        if (!TryTimeout(out var seconds))
        {
            LogError(GateTaskCodes.TimedOut, "VmafReproTimeout '{0}' is not a whole number of seconds (0 = none). Fix the property or leave it empty for the default", TimeoutSeconds ?? "");
            return false;
        }
        if (string.IsNullOrWhiteSpace(ToolAssembly) && !(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64))
        {
            LogError(GateTaskCodes.UnsupportedPlatform,
                "vmaf-repro gate: the VmafTiny.Repro.Tool package runs on linux-x64 only, not on {0} {1}. Run the gate on linux-x64 (e.g. in CI), or set VmafReproRunOnBuild=false on this platform",
                RuntimeInformation.OSDescription, RuntimeInformation.OSArchitecture);
            return false;
        }
        Timeout = seconds > 0 ? (int)Math.Min(int.MaxValue, seconds * 1000L) : System.Threading.Timeout.Infinite;
        host = string.IsNullOrEmpty(ToolPath) ? GenerateFullPathToTool() : Path.Combine(ToolPath, ToolExe);
        if (!Path.IsPathRooted(host) || !File.Exists(host))
        {
            LogError(GateTaskCodes.DotNetNotFound, "The dotnet host was not found ('{0}'). Put dotnet on PATH, or set VmafReproDotNetHostPath", host);
            return false;
        }
        return true;
    }

    private bool RunUnderLock(string host, GateState? state, DateTime waitBegan)
    {
        // 1. What the gate reads, by content (and whether the tool can run at all).
        var inputs = ProbeInputs(host);
        if (inputs.Failed) return false;
        var before = GateFingerprint.Of(inputs.Paths);
        var key = before.Key(SettingsText);

        if (state is not null && inputs.Usable && !Approve)
        {
            var last = state.Read(SettingsText);
            if (last is { Passed: true } && last.Key == key && !last.WarningCodes.Any(TreatedAsError))
            {
                Outcome = "skipped";
                Log.LogMessage(MessageImportance.High,
                    "vmaf-repro gate: up to date, skipped (the content of its {0} inputs, the tool and the settings are those of the last pass{1}; {2})",
                    before.Files.Count,
                    last.WarningCodes.Count > 0 ? ", which warned " + string.Join(", ", last.WarningCodes.Distinct()) : "",
                    state.StampPath(SettingsText));
                return true;
            }
            // Waited for a run on the very same inputs that failed meanwhile (parallel projects of one
            // build, or two builds at once): its errors are reported already; running again would repeat them.
            if (last is { Passed: false } && last.Key == key && _waited && last.FinishedUtc >= waitBegan)
            {
                LogError(GateTaskCodes.FailedElsewhere,
                    "vmaf-repro gate: failed a moment ago in another build gating the same inputs with the same settings (its errors are in that build's log); not run twice. Fix those errors and build again");
                return false;
            }
        }
        state?.Delete(SettingsText);

        // 2. The gate itself.
        _arguments = GateArguments.ForVerify(Settings);
        LogStandardErrorAsError = false;
        var started = Stopwatch.StartNew();
        _toolDone.Reset();
        using (Subscribe())
        {
            try { base.Execute(); }
            finally { _toolDone.Set(); }
        }
        var exit = ExitCode;
        Finish(exit, started.Elapsed);

        // 3. A final verdict: stamp it, unless an input changed while the gate read it.
        var passed = !Log.HasLoggedErrors;
        if (passed && !Approve)
        {
            var after = before.Rehash();
            var changed = before.ChangedIn(after);
            if (changed.Count > 0)
            {
                LogError(GateTaskCodes.InputChangedDuringRun,
                    "{0} input(s) of the gate changed while it ran ({1}): its verdict is about neither version. Build again",
                    changed.Count, string.Join(", ", changed.Take(5)));
                passed = false;
            }
            else if (state is not null && inputs.Usable)
            {
                state.Write(SettingsText, new GateRecord(after.Key(SettingsText), true, [.. _warningCodes.Distinct()], DateTime.UtcNow));
            }
        }
        else if (!passed && state is not null && inputs.Usable)
        {
            state.Write(SettingsText, new GateRecord(key, false, [.. _warningCodes.Distinct()], DateTime.UtcNow));
        }
        Outcome = passed ? (Approve ? "approved" : "passed") : "failed";
        return passed;
    }

    private bool _waited;
    private readonly ManualResetEventSlim _toolDone = new(initialState: true);

    private sealed record InputsProbe(bool Failed, bool Usable, IReadOnlyList<string> Paths);

    /// <summary>
    /// Runs <c>vmaf-repro inputs</c>. The tool not running at all (not installed, not restored, a host
    /// failure: no VMR code in its output) is VMR9105 and nothing more runs. A tool that runs but
    /// cannot list its inputs (e.g. a bad config) leaves the run to <c>verify</c>, which reports the
    /// real error once, with its file; such a run is never stamped.
    /// </summary>
    private InputsProbe ProbeInputs(string host)
    {
        var args = GateArguments.ForInputs(Settings);
        var limit = Timeout > 0 && Timeout < ProbeTimeout.TotalMilliseconds ? TimeSpan.FromMilliseconds(Timeout) : ProbeTimeout;
        var r = ToolProcess.Run(host, args, GetWorkingDirectory(), limit, _cancel.Token);
        if (r.ExitCode == ExitCodes.Success)
            return new InputsProbe(false, true, [.. r.Output.Where(l => !string.IsNullOrWhiteSpace(l))]);
        if (_cancel.IsCancellationRequested) return new InputsProbe(true, false, []);
        var text = r.Output.Concat(r.Error).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (r.TimedOut || !text.Any(l => AnyCode().IsMatch(l)))
        {
            LogError(GateTaskCodes.ToolNotRunnable,
                "vmaf-repro could not be run ('{0} {1}' {2}{3}). {4}",
                host, GateArguments.Display(args),
                r.TimedOut ? $"did not answer within {limit.TotalSeconds:F0} s" : $"exited with code {r.ExitCode}, {ExitCodes.Describe(r.ExitCode)}",
                text.Count > 0 ? ": " + string.Join(" ", text.Take(3)) : "",
                string.IsNullOrWhiteSpace(ToolAssembly)
                    ? "Run 'dotnet tool restore' where the tool manifest is (" + (GetWorkingDirectory() ?? Directory.GetCurrentDirectory()) + ") or 'dotnet tool install VmafTiny.Repro.Tool', or set VmafReproToolPath to a vmaf-repro.dll"
                    : "Check that VmafReproToolPath is a complete vmaf-repro build (its .deps.json and .runtimeconfig.json beside it)");
            return new InputsProbe(true, false, []);
        }
        return new InputsProbe(false, false, []);
    }

    [GeneratedRegex(@"\bVMR\d{4}\b")]
    private static partial Regex AnyCode();

    // SIGTERM (and any other orderly exit) of the MSBuild process: the tool's tree goes with it.
    // ToolTask kills the tree on Cancel from its own thread; wait (briefly) until it has.
    private IDisposable Subscribe()
    {
        EventHandler handler = (_, _) =>
        {
            _cancel.Cancel();
            if (_process is { } p) ToolProcess.KillTree(p);
            _toolDone.Wait(TimeSpan.FromSeconds(10));
        };
        AppDomain.CurrentDomain.ProcessExit += handler;
        return new Unsubscribe(() => AppDomain.CurrentDomain.ProcessExit -= handler);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    /// <inheritdoc />
    public override void Cancel()
    {
        _cancel.Cancel();
        if (_process is { } p) ToolProcess.KillTree(p);
    }

    private DateTime Deadline() =>
        Timeout is System.Threading.Timeout.Infinite or <= 0 ? DateTime.MaxValue : DateTime.UtcNow.AddMilliseconds(Timeout);

    private bool TryTimeout(out long seconds)
    {
        seconds = 0;
        return string.IsNullOrWhiteSpace(TimeoutSeconds)
            || (long.TryParse(TimeoutSeconds.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds >= 0);
    }

    private bool TreatedAsError(string warningCode) =>
        BuildEngine is IBuildEngine8 e8 && e8.ShouldTreatWarningAsError(warningCode);

    /// <inheritdoc />
    protected override string GenerateFullPathToTool() => DotNetHost.Find(DotNetHostPath);

    /// <summary>For the log only: ToolTask prints it; the process gets an argument list (<see cref="ExecuteTool"/>).</summary>
    protected override string GenerateCommandLineCommands() => GateArguments.Display(_arguments.Count > 0 ? _arguments : GateArguments.ForVerify(Settings));

    /// <summary>
    /// Runs the tool from an argument list (no re-splitting, no quoting, no shell, backslashes kept),
    /// streams its lines to <see cref="LogEventsFromTextOutput"/> on this thread, and kills its whole
    /// process tree on timeout, on cancellation and when the MSBuild process exits (SIGTERM).
    /// </summary>
    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        var psi = new ProcessStartInfo(pathToTool)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        if (GetWorkingDirectory() is { Length: > 0 } cwd) psi.WorkingDirectory = cwd;
        foreach (var a in _arguments) psi.ArgumentList.Add(a);
        foreach (var pair in EnvironmentVariables ?? [])
            if (pair.IndexOf('=', StringComparison.Ordinal) is > 0 and var i) psi.Environment[pair[..i]] = pair[(i + 1)..];

        var lines = new System.Collections.Concurrent.ConcurrentQueue<(string Line, MessageImportance Importance)>();
        using var p = new Process { StartInfo = psi };
        using var outDone = new ManualResetEventSlim();
        using var errDone = new ManualResetEventSlim();
        p.OutputDataReceived += (_, e) => { if (e.Data is null) outDone.Set(); else lines.Enqueue((e.Data, StandardOutputLoggingImportance)); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is null) errDone.Set(); else lines.Enqueue((e.Data, StandardErrorLoggingImportance)); };
        p.Start();
        _process = p;
        p.StandardInput.Close();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();

        var deadline = Timeout > 0 ? DateTime.UtcNow.AddMilliseconds(Timeout) : DateTime.MaxValue;
        var stopped = false;
        while (!p.WaitForExit(100))
        {
            Drain(lines);
            if (_cancel.IsCancellationRequested || DateTime.UtcNow >= deadline)
            {
                _timedOut = !_cancel.IsCancellationRequested;
                ToolProcess.KillTree(p);
                stopped = true;
                break;
            }
        }
        // Output still buffered in the pipes (until both reach end of file); bounded, in case a
        // grandchild escaped the tree and holds them open.
        var drainUntil = DateTime.UtcNow.AddSeconds(stopped ? 5 : 30);
        while (!(outDone.IsSet && errDone.IsSet) && DateTime.UtcNow < drainUntil)
        {
            Drain(lines);
            WaitHandle.WaitAll([outDone.WaitHandle, errDone.WaitHandle], 100);
        }
        p.WaitForExit(1000);
        Drain(lines);
        _process = null;
        return stopped ? -1 : p.ExitCode;
    }

    private void Drain(System.Collections.Concurrent.ConcurrentQueue<(string Line, MessageImportance Importance)> lines)
    {
        while (lines.TryDequeue(out var l)) LogEventsFromTextOutput(l.Line, l.Importance);
    }

    private volatile Process? _process;
    private bool _timedOut;

    /// <summary>Backslashes are part of values (Windows paths, reasons): never rewritten to '/'.</summary>
    protected override string AdjustCommandsForOperatingSystem(string input) => input;

    /// <inheritdoc />
    protected override string? GetWorkingDirectory()
    {
        if (!string.IsNullOrWhiteSpace(WorkingDirectory)) return WorkingDirectory;
        if (!string.IsNullOrWhiteSpace(ConfigFile)) return Path.GetDirectoryName(Path.GetFullPath(ConfigFile));
        return null;
    }

    /// <inheritdoc />
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Normal;

    /// <inheritdoc />
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.Normal;

    /// <inheritdoc />
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance) =>
        ProcessOutputLine(singleLine, messageImportance);

    /// <summary>
    /// Handles one line of the tool's output: a diagnostic with a file is reported with its code and
    /// file (in approve mode, held until the exit code says whether the approval happened); one
    /// without a file is held, and reported at the end only if the same code was not reported with a
    /// file (the CLI prints an input error twice: canonically on stdout, as a sentence on stderr).
    /// </summary>
    internal void ProcessOutputLine(string singleLine, MessageImportance messageImportance)
    {
        var d = GateDiagnostic.TryParse(singleLine);
        if (d is null)
        {
            Log.LogMessage(messageImportance, "{0}", singleLine);
            lock (_lastLines)
            {
                _lastLines.Add(singleLine);
                if (_lastLines.Count > 3) _lastLines.RemoveAt(0);
            }
            return;
        }
        if (d.Code.StartsWith(GateTaskCodes.VerdictPrefix, StringComparison.Ordinal)) _verdictSeen = true;
        if (Approve || d.File is null) _held.Add(d);
        else Report(d);
    }

    /// <summary>
    /// Reports what was held back: after a successful approval (exit 0) the gate verdicts (VMR1xxx)
    /// that were approved become warnings; diagnostics without a file are dropped when the same code
    /// was reported with one.
    /// </summary>
    internal void CompleteHeld(int exitCode)
    {
        foreach (var d in _held.Where(d => d.File is not null))
        {
            var approved = Approve && exitCode == ExitCodes.Success && d.Severity == DiagnosticSeverity.Error
                && d.Code.StartsWith(GateTaskCodes.VerdictPrefix, StringComparison.Ordinal);
            Report(approved ? d with { Severity = DiagnosticSeverity.Warning, Message = "approved: " + d.Message } : d);
        }
        foreach (var d in _held.Where(d => d.File is null && !_reportedWithFile.Contains(d.Code)))
            Report(d);
        _held.Clear();
    }

    /// <summary>Logs one parsed diagnostic with its code and file.</summary>
    internal void Report(GateDiagnostic d)
    {
        // No origin: point at the config (what the user edits) rather than at the project file.
        var file = d.File ?? ConfigFile ?? "";
        if (d.File is not null) _reportedWithFile.Add(d.Code);
        if (d.Severity == DiagnosticSeverity.Error)
        {
            Log.LogError(null, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", d.Message);
        }
        else
        {
            Log.LogWarning(null, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", d.Message);
            _warningCodes.Add(d.Code);
        }

        var item = new TaskItem(d.Code);
        item.SetMetadata("Severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
        item.SetMetadata("File", file);
        item.SetMetadata("Message", d.Message);
        _findings.Add(item);
    }

    /// <inheritdoc />
    protected override bool HandleTaskExecutionErrors() => true; // decided in Finish, once

    /// <summary>Decides the result of the run from its exit code; never a silent pass, each problem once.</summary>
    internal void Finish(int exitCode, TimeSpan elapsed)
    {
        CompleteHeld(exitCode);
        if (_cancel.IsCancellationRequested && !Log.HasLoggedErrors)
        {
            LogError(GateTaskCodes.TimedOut, "vmaf-repro gate: cancelled after {0:F0} s; the tool's process tree was killed", elapsed.TotalSeconds);
            return;
        }
        if (_timedOut)
        {
            LogError(GateTaskCodes.TimedOut,
                "vmaf-repro gate: did not finish within VmafReproTimeout = {0} s; the tool's process tree was killed. Raise VmafReproTimeout (seconds) or find what blocks it (a corpus path naming a FIFO or a stalled network share)",
                Timeout / 1000);
            return;
        }
        if (exitCode == ExitCodes.Success || Log.HasLoggedErrors) return;

        var lastLines = string.Join(" | ", _lastLines);
        LogError(GateTaskCodes.ExitedWithoutError,
            "vmaf-repro exited with code {0} ({1}) without reporting an error line{2}. Command: {3} {4}{5}",
            exitCode, ExitCodes.Describe(exitCode),
            WarnOnly && _verdictSeen ? " (VmafReproWarnOnly turns verdicts into warnings, never a failed run into a pass)" : "",
            GenerateFullPathToTool(), GateArguments.Display(_arguments.Count > 0 ? _arguments : GateArguments.ForVerify(Settings)),
            lastLines.Length > 0 ? ". Its last output: " + lastLines : "");
    }

    private void LogError(string code, string format, params object[] args) =>
        Log.LogError(null, code, null, ConfigFile ?? "", 0, 0, 0, 0, format, args);
}
