using System.Globalization;
using System.Text.RegularExpressions;

namespace VmafTiny.Repro.Diagnostics;

/// <summary>Severity of a <see cref="GateDiagnostic"/>.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Fails the gate (and the build).</summary>
    Error,

    /// <summary>Reported; does not fail.</summary>
    Warning,

    /// <summary>Information only.</summary>
    Message,
}

/// <summary>
/// One coded finding in the canonical MSBuild form, the contract between the CLI and the MSBuild
/// task: <c>&lt;file&gt;(1,1): error VMR1001: &lt;message&gt;</c> (<c>vmaf-repro : error ...</c>
/// without a file). The CLI writes it (<see cref="ToCanonical"/>, from the gate's verdicts and
/// from errors), the task reads it back from the tool's output (<see cref="TryParse"/>): one type
/// and one format, in the core, compiled into the task as a linked source like
/// <see cref="ExitCodes"/>, so keep it dependency-free.
/// </summary>
/// <param name="Severity">Error, warning or message.</param>
/// <param name="Code">The diagnostic code, e.g. <c>VMR1001</c>.</param>
/// <param name="File">The file the finding points at (the baseline, the orphan received file, the configuration); null when none.</param>
/// <param name="Message">The text after <c>CODE: </c>.</param>
public sealed partial record GateDiagnostic(DiagnosticSeverity Severity, string Code, string? File, string Message)
{
    /// <summary>1-based line in <see cref="File"/>, 0 when absent (written as line 1).</summary>
    public int Line { get; init; }

    /// <summary>1-based column, 0 when absent (written as column 1).</summary>
    public int Column { get; init; }

    /// <summary>End line, 0 when absent.</summary>
    public int EndLine { get; init; }

    /// <summary>End column, 0 when absent.</summary>
    public int EndColumn { get; init; }

    /// <summary>
    /// The canonical line: <c>&lt;file&gt;(line,col): error CODE: message</c>, or
    /// <c>vmaf-repro : error CODE: message</c> without a file. With <paramref name="warnOnly"/>,
    /// errors are printed as warnings.
    /// </summary>
    public string ToCanonical(bool warnOnly)
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => warnOnly ? "warning" : "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "message",
        };
        var origin = File is null ? "vmaf-repro :" : string.Create(CultureInfo.InvariantCulture, $"{File}({Math.Max(Line, 1)},{Math.Max(Column, 1)}):");
        return $"{origin} {severity} {Code}: {Message}";
    }

    // The origin is lazy so that "(1,1)" is read as a location, not as part of the file name;
    // the anchor is ": error|warning CODE:", which keeps "C:\path" origins intact.
    [GeneratedRegex(
        @"^\s*(?:(?<origin>\S.*?)\s*(?:\((?<l1>\d+)(?:-(?<l2>\d+))?(?:,(?<c1>\d+)(?:-(?<c2>\d+))?)?(?:,(?<el>\d+),(?<ec>\d+))?\))?\s*:\s*)?(?<sev>error|warning)\s+(?<code>[A-Za-z]{2,}\d{3,})\s*:\s*(?<msg>.*?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalLine();

    /// <summary>
    /// Reads a canonical MSBuild diagnostic line (also without origin or location; errors and
    /// warnings only); null when <paramref name="line"/> is anything else (plain output). The
    /// origin <c>vmaf-repro</c> of a line without a file reads as no file.
    /// </summary>
    public static GateDiagnostic? TryParse(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        var m = CanonicalLine().Match(line);
        if (!m.Success) return null;

        var origin = m.Groups["origin"].Success ? m.Groups["origin"].Value.Trim() : null;
        // "warning" or "error" preceded by free text ("Build error VMR1: x") is not canonical.
        if (origin is not null && origin.Contains(' ', StringComparison.Ordinal) && !LooksLikePath(origin)) return null;
        if (origin is "vmaf-repro" or "") origin = null;

        var severity = string.Equals(m.Groups["sev"].Value, "error", StringComparison.OrdinalIgnoreCase)
            ? DiagnosticSeverity.Error
            : DiagnosticSeverity.Warning;
        return new GateDiagnostic(severity, m.Groups["code"].Value.ToUpperInvariant(), origin, m.Groups["msg"].Value)
        {
            Line = Int(m, "l1"),
            Column = Int(m, "c1"),
            EndLine = m.Groups["el"].Success ? Int(m, "el") : Int(m, "l2"),
            EndColumn = m.Groups["ec"].Success ? Int(m, "ec") : Int(m, "c2"),
        };
    }

    private static bool LooksLikePath(string origin) =>
        origin.Contains('/', StringComparison.Ordinal) || origin.Contains('\\', StringComparison.Ordinal);

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
}
