using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace VmafTiny.Repro.MSBuild;

/// <summary>
/// Runs <c>vmaf-repro verify --diagnostics msbuild</c> out of process (libtorch never loads into an
/// MSBuild node) and turns its canonical output lines into MSBuild errors and warnings with their
/// VMR#### code and file. Fails when the tool reports an error or exits non-zero.
/// </summary>
public sealed class VmafReproGate : ToolTask
{
    private const string CommandNotFound = "could not execute because the specified command or file was not found";
    private bool _toolNotFound;

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

    /// <summary>Report regressions as warnings; exit codes 1 and 3 then do not fail the task.</summary>
    public bool WarnOnly { get; set; }

    /// <summary>vmaf-repro.dll to run with <c>dotnet</c>; empty runs the installed tool (<c>dotnet vmaf-repro</c>).</summary>
    public string? ToolAssembly { get; set; }

    /// <summary>Directory the tool runs in (where its tool manifest is found); defaults to the config's directory.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The dotnet host; defaults to DOTNET_HOST_PATH, then dotnet on PATH.</summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>Every error and warning the tool reported: item spec = code, metadata Severity, File, Message.</summary>
    [Output]
    public ITaskItem[] Findings => [.. _findings];

    private readonly List<ITaskItem> _findings = [];

    // With Approve, verify prints the verdicts it is about to approve as errors and then exits 0:
    // hold the diagnostics until the exit code says whether the approval happened.
    private readonly List<GateDiagnostic> _deferred = [];

    /// <inheritdoc />
    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

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

    /// <inheritdoc />
    public override bool Execute()
    {
        var problem = GateArguments.Validate(Settings);
        if (problem is { } p)
        {
            Log.LogError(null, p.Code, null, ConfigFile ?? "", 0, 0, 0, 0, "{0}", p.Message);
            return false;
        }
        if (string.IsNullOrEmpty(ToolPath) && GenerateFullPathToTool() is var host && (!Path.IsPathRooted(host) || !File.Exists(host)))
        {
            Log.LogError(null, TaskCodes.DotNetNotFound, null, ConfigFile ?? "", 0, 0, 0, 0,
                "The dotnet host was not found ('{0}'). Put dotnet on PATH, or set VmafReproDotNetHostPath", host);
            return false;
        }

        // Our own parsing decides what is an error; keep ToolTask's from double-logging.
        LogStandardErrorAsError = false;
        var ok = base.Execute();
        if (ok) CompleteDeferred(ExitCode);
        return ok && !Log.HasLoggedErrors;
    }

    /// <inheritdoc />
    protected override string GenerateFullPathToTool()
    {
        if (!string.IsNullOrWhiteSpace(DotNetHostPath)) return DotNetHostPath;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrWhiteSpace(host) && File.Exists(host)) return host;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, ToolName);
            if (File.Exists(candidate)) return candidate;
        }
        return ToolName;
    }

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands() => GateArguments.Join(GateArguments.ForVerify(Settings));

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
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    /// <inheritdoc />
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance) =>
        ProcessOutputLine(singleLine, messageImportance);

    /// <summary>Handles one line of the tool's output: a diagnostic is reported with its code and file, anything else logged as a message.</summary>
    internal void ProcessOutputLine(string singleLine, MessageImportance messageImportance)
    {
        if (singleLine.Contains(CommandNotFound, StringComparison.OrdinalIgnoreCase)) _toolNotFound = true;
        var d = GateOutputParser.TryParse(singleLine);
        if (d is null)
        {
            Log.LogMessage(messageImportance, "{0}", singleLine);
            return;
        }
        if (Approve) _deferred.Add(d);
        else Report(d);
    }

    /// <summary>
    /// Reports the diagnostics held back in approve mode: after a successful approval (exit 0) the
    /// gate verdicts (VMR1xxx) that were approved become warnings; otherwise they stay what they were.
    /// </summary>
    internal void CompleteDeferred(int exitCode)
    {
        foreach (var d in _deferred)
        {
            var approved = exitCode == 0 && d.Severity == GateSeverity.Error && d.Code.StartsWith("VMR1", StringComparison.Ordinal);
            Report(approved ? d with { Severity = GateSeverity.Warning, Message = "approved: " + d.Message } : d);
        }
        _deferred.Clear();
    }

    /// <summary>Logs one parsed diagnostic with its code and file.</summary>
    internal void Report(GateDiagnostic d)
    {
        // No origin: point at the config (what the user edits) rather than at the project file.
        var file = d.File ?? ConfigFile ?? "";
        if (d.Severity == GateSeverity.Error)
            Log.LogError(null, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", d.Message);
        else
            Log.LogWarning(null, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", d.Message);

        var item = new TaskItem(d.Code);
        item.SetMetadata("Severity", d.Severity == GateSeverity.Error ? "error" : "warning");
        item.SetMetadata("File", file);
        item.SetMetadata("Message", d.Message);
        _findings.Add(item);
    }

    /// <inheritdoc />
    protected override bool HandleTaskExecutionErrors() => HandleExit(ExitCode);

    /// <summary>Decides the result of a non-zero exit; never a silent pass.</summary>
    internal bool HandleExit(int exitCode)
    {
        CompleteDeferred(exitCode);
        if (Log.HasLoggedErrors) return false;
        if (WarnOnly && (exitCode == 1 || exitCode == 3)) return true;

        if (_toolNotFound && string.IsNullOrWhiteSpace(ToolAssembly))
        {
            Log.LogError(null, TaskCodes.ToolNotInstalled, null, ConfigFile ?? "", 0, 0, 0, 0,
                "The vmaf-repro tool is not installed for '{0}'. Run 'dotnet tool restore' (local tool manifest) or 'dotnet tool install -g VmafTiny.Repro.Tool', or set VmafReproToolPath to a vmaf-repro.dll",
                GetWorkingDirectory() ?? Directory.GetCurrentDirectory());
            return false;
        }

        Log.LogError(null, TaskCodes.ExitedWithoutError, null, ConfigFile ?? "", 0, 0, 0, 0,
            "vmaf-repro exited with code {0} ({1}) without reporting an error line. Run the command above by hand to see its output",
            exitCode, Describe(exitCode));
        return false;
    }

    /// <summary>The meaning of a vmaf-repro exit code (see ExitCodes.cs in the core).</summary>
    public static string Describe(int exitCode) => exitCode switch
    {
        0 => "pass",
        1 => "regression",
        2 => "usage or input error",
        3 => "not comparable or missing baseline",
        4 => "environment error",
        70 => "internal error",
        130 => "interrupted",
        _ => "unknown exit code",
    };
}
