namespace VmafTiny.Repro.MSBuild;

/// <summary>What to ask vmaf-repro for: the task's properties, validated and turned into arguments.</summary>
public sealed class GateSettings
{
    /// <summary>Report formats the CLI accepts for <c>--report</c>.</summary>
    public static readonly IReadOnlyList<string> ReportFormats = ["md", "json", "junit"];

    /// <summary>Path of vmaf-repro.json; empty to let the CLI find it.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Only this corpus (as named in the config); empty for all.</summary>
    public string? Corpus { get; init; }

    /// <summary>Only this architecture; empty for all.</summary>
    public string? Arch { get; init; }

    /// <summary>Band width in standard deviations, invariant culture (e.g. <c>3</c>); empty for the config's.</summary>
    public string? K { get; init; }

    /// <summary><c>md</c>, <c>json</c> or <c>junit</c>; empty for none.</summary>
    public string? ReportFormat { get; init; }

    /// <summary>Where to write the report.</summary>
    public string? ReportFile { get; init; }

    /// <summary>Approve the received results as the new baselines.</summary>
    public bool Approve { get; init; }

    /// <summary>Why the baselines are approved (required with <see cref="Approve"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>Report regressions as warnings.</summary>
    public bool WarnOnly { get; init; }

    /// <summary>Path of vmaf-repro.dll to run with <c>dotnet exec</c>-style <c>dotnet path.dll</c>; empty for the installed tool.</summary>
    public string? ToolAssembly { get; init; }
}
