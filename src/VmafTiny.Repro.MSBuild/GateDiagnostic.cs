namespace VmafTiny.Repro.MSBuild;

/// <summary>Severity of a <see cref="GateDiagnostic"/>.</summary>
public enum GateSeverity
{
    /// <summary>Fails the build.</summary>
    Error,

    /// <summary>Reported, does not fail the build.</summary>
    Warning,
}

/// <summary>
/// One canonical MSBuild diagnostic line printed by <c>vmaf-repro verify --diagnostics msbuild</c>,
/// e.g. <c>/repo/baselines/netflix-synth/mlp_small.json(1,1): error VMR1001: PLCC dropped</c>.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The diagnostic code, e.g. <c>VMR1001</c>.</param>
/// <param name="File">The file the finding points at; null when the line has no origin.</param>
/// <param name="Line">1-based line, 0 when absent.</param>
/// <param name="Column">1-based column, 0 when absent.</param>
/// <param name="EndLine">End line, 0 when absent.</param>
/// <param name="EndColumn">End column, 0 when absent.</param>
/// <param name="Message">The text after <c>CODE: </c>.</param>
public sealed record GateDiagnostic(
    GateSeverity Severity,
    string Code,
    string? File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message);
