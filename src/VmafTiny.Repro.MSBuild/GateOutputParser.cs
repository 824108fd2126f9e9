using System.Globalization;
using System.Text.RegularExpressions;

namespace VmafTiny.Repro.MSBuild;

/// <summary>
/// Recognises canonical MSBuild diagnostic lines (<c>origin(line,col): error CODE: message</c>,
/// also without origin or location) in the output of vmaf-repro. Anything else is plain output.
/// </summary>
public static partial class GateOutputParser
{
    // The origin is lazy so that "(1,1)" is read as a location, not as part of the file name;
    // the anchor is ": error|warning CODE:", which keeps "C:\path" origins intact.
    [GeneratedRegex(
        @"^\s*(?:(?<origin>\S.*?)\s*(?:\((?<l1>\d+)(?:-(?<l2>\d+))?(?:,(?<c1>\d+)(?:-(?<c2>\d+))?)?(?:,(?<el>\d+),(?<ec>\d+))?\))?\s*:\s*)?(?<sev>error|warning)\s+(?<code>[A-Za-z]{2,}\d{3,})\s*:\s*(?<msg>.*?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalLine();

    /// <summary>Parses one line; null when it is not a diagnostic.</summary>
    public static GateDiagnostic? TryParse(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        var m = CanonicalLine().Match(line);
        if (!m.Success) return null;

        var origin = m.Groups["origin"].Success ? m.Groups["origin"].Value.Trim() : null;
        // "warning" or "error" preceded by free text ("Build error VMR1: x") is not canonical.
        if (origin is not null && origin.Contains(' ', StringComparison.Ordinal) && !LooksLikePath(origin)) return null;

        var severity = string.Equals(m.Groups["sev"].Value, "error", StringComparison.OrdinalIgnoreCase)
            ? GateSeverity.Error
            : GateSeverity.Warning;
        int line1 = Int(m, "l1"), col1 = Int(m, "c1");
        int endLine = m.Groups["el"].Success ? Int(m, "el") : Int(m, "l2");
        int endCol = m.Groups["ec"].Success ? Int(m, "ec") : Int(m, "c2");
        return new GateDiagnostic(
            severity,
            m.Groups["code"].Value.ToUpperInvariant(),
            string.IsNullOrEmpty(origin) ? null : origin,
            line1,
            col1,
            endLine,
            endCol,
            m.Groups["msg"].Value);
    }

    private static bool LooksLikePath(string origin) =>
        origin.Contains('/', StringComparison.Ordinal) || origin.Contains('\\', StringComparison.Ordinal);

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
}
