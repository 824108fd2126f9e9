namespace VmafTiny.Repro.MSBuild;

/// <summary>
/// Codes of the diagnostics the MSBuild task itself reports (VMR91xx); the gate's own verdicts
/// (VMR1xxx..VMR5xxx) come from the vmaf-repro process and are passed through unchanged.
/// </summary>
public static class TaskCodes
{
    /// <summary>vmaf-repro exited non-zero without printing an error line.</summary>
    public const string ExitedWithoutError = "VMR9101";

    /// <summary>Approve was requested without a reason.</summary>
    public const string ApproveWithoutReason = "VMR9102";

    /// <summary>The report format is not md, json or junit.</summary>
    public const string BadReportFormat = "VMR9103";

    /// <summary>VmafReproToolPath does not point at an existing vmaf-repro.dll.</summary>
    public const string ToolAssemblyMissing = "VMR9104";

    /// <summary>The vmaf-repro tool is not installed (dotnet could not find the command).</summary>
    public const string ToolNotInstalled = "VMR9105";

    /// <summary>The k value is not a finite positive number.</summary>
    public const string BadK = "VMR9106";

    /// <summary>The dotnet host could not be found.</summary>
    public const string DotNetNotFound = "VMR9107";
}
