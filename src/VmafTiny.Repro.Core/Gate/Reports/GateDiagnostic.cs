namespace VmafTiny.Repro.Gate.Reports;

/// <summary>Severity of a <see cref="GateDiagnostic"/>.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
    Message,
}

/// <summary>
/// One coded finding of the gate, pointing at the file to look at (the baseline, or the orphan
/// received file). Front-ends print <see cref="ToCanonical"/>.
/// </summary>
public sealed record GateDiagnostic(DiagnosticSeverity Severity, string Code, string? File, string Message)
{
    /// <summary>
    /// The canonical MSBuild form <c>&lt;file&gt;(1,1): error VMR1001: &lt;message&gt;</c>
    /// (<c>vmaf-repro : error ...</c> without a file). With <paramref name="warnOnly"/>, errors are
    /// printed as warnings.
    /// </summary>
    public string ToCanonical(bool warnOnly)
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => warnOnly ? "warning" : "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "message",
        };
        var origin = File is null ? "vmaf-repro :" : $"{File}(1,1):";
        return $"{origin} {severity} {Code}: {Message}";
    }
}
