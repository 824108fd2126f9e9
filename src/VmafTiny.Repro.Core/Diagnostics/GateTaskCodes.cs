namespace VmafTiny.Repro.Diagnostics;

/// <summary>
/// The diagnostic codes of the MSBuild gate task (VMR91xx, docs/msbuild.md) and the part of the
/// CLI's code scheme the task relies on. Compiled into the task as a linked source, like
/// <see cref="ExitCodes"/>: keep it dependency-free.
/// </summary>
public static class GateTaskCodes
{
    /// <summary>Prefix of the gate's verdict codes (VMR1001 regressed ... VMR1007 orphan received file).</summary>
    public const string VerdictPrefix = "VMR1";

    /// <summary>vmaf-repro exited non-zero without printing an error line.</summary>
    public const string ExitedWithoutError = "VMR9101";

    /// <summary>Approve was requested without a reason.</summary>
    public const string ApproveWithoutReason = "VMR9102";

    /// <summary>The report format is not md, json or junit.</summary>
    public const string BadReportFormat = "VMR9103";

    /// <summary>VmafReproToolPath does not point at an existing vmaf-repro.dll.</summary>
    public const string ToolAssemblyMissing = "VMR9104";

    /// <summary>The tool could not be run: not installed, not restored, or the dotnet host failed before it started.</summary>
    public const string ToolNotRunnable = "VMR9105";

    /// <summary>The k value is not a finite positive number.</summary>
    public const string BadK = "VMR9106";

    /// <summary>The dotnet host could not be found.</summary>
    public const string DotNetNotFound = "VMR9107";

    /// <summary>eng/Gate.proj: the CLI build produced no vmaf-repro.dll.</summary>
    public const string ToolNotBuilt = "VMR9108";

    /// <summary>An input of the gate changed while the gate ran: its verdict is about neither version.</summary>
    public const string InputChangedDuringRun = "VMR9109";

    /// <summary>The gate did not finish within VmafReproTimeout (its process tree was killed), or the timeout is not valid.</summary>
    public const string TimedOut = "VMR9110";

    /// <summary>The gate failed in another build step of this build, or of a concurrent build, for the same configuration.</summary>
    public const string FailedElsewhere = "VMR9111";

    /// <summary>The installed tool is not available for this platform (the tool package is linux-x64 only).</summary>
    public const string UnsupportedPlatform = "VMR9112";
}
