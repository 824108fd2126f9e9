using System.Globalization;
using System.Text;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.MSBuild;

/// <summary>
/// Builds the vmaf-repro argument lists (arguments after <c>dotnet</c>) and validates settings.
/// Every value travels as one <c>--option=value</c> argument of an argument list (never a shell
/// command line), so a value that starts with <c>-</c> cannot become an option of its own and
/// backslashes, quotes, <c>$</c>, backticks and newlines arrive byte for byte.
/// </summary>
public static class GateArguments
{
    /// <summary>The local/global tool command: <c>dotnet vmaf-repro</c>.</summary>
    public const string ToolCommand = "vmaf-repro";

    /// <summary>
    /// Checks the settings; returns (code, message) of the first problem, or null when they are usable.
    /// </summary>
    public static (string Code, string Message)? Validate(GateSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Approve && string.IsNullOrWhiteSpace(s.Reason))
            return (GateTaskCodes.ApproveWithoutReason,
                "VmafReproApprove is true but VmafReproApproveReason is empty. Say why the baselines change, e.g. -p:VmafReproApproveReason=\"TorchSharp 0.107 upgrade\"");
        if (!string.IsNullOrWhiteSpace(s.ReportFormat) && !GateSettings.ReportFormats.Contains(s.ReportFormat.Trim(), StringComparer.OrdinalIgnoreCase))
            return (GateTaskCodes.BadReportFormat,
                $"VmafReproReportFormat '{s.ReportFormat}' is not one of md, json, junit. Set it to one of those or leave it empty");
        if (!string.IsNullOrWhiteSpace(s.K) &&
            (!double.TryParse(s.K, NumberStyles.Float, CultureInfo.InvariantCulture, out var k) || !double.IsFinite(k) || k <= 0))
            return (GateTaskCodes.BadK,
                $"VmafReproK '{s.K}' is not a positive number (invariant culture, e.g. 3 or 2.5). Fix the property or leave it empty to use the config's k");
        if (!string.IsNullOrWhiteSpace(s.ToolAssembly) && !File.Exists(s.ToolAssembly))
            return (GateTaskCodes.ToolAssemblyMissing,
                $"VmafReproToolPath '{s.ToolAssembly}' does not exist. Point it at a built vmaf-repro.dll or leave it empty to run the installed tool (dotnet tool restore)");
        return null;
    }

    /// <summary>The arguments of <c>verify</c> (after <c>dotnet</c>), one element per argument, unquoted.</summary>
    public static IReadOnlyList<string> ForVerify(GateSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var args = new List<string>();
        AddEntry(args, s);
        args.Add("verify");
        AddCommon(args, s);
        AddValue(args, "--band-k", s.K?.Trim());
        AddValue(args, "--report", s.ReportFormat?.Trim().ToLowerInvariant());
        AddValue(args, "--report-file", s.ReportFile);
        if (s.WarnOnly) args.Add("--warn-only");
        args.Add("--diagnostics=msbuild");
        if (s.Approve)
        {
            args.Add("--approve");
            args.Add("--reason=" + (s.Reason ?? ""));
        }
        return args;
    }

    /// <summary>The arguments of <c>inputs</c> (after <c>dotnet</c>).</summary>
    public static IReadOnlyList<string> ForInputs(GateSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var args = new List<string>();
        AddEntry(args, s);
        args.Add("inputs");
        AddValue(args, "--config", s.ConfigFile);
        return args;
    }

    /// <summary>
    /// The arguments as one line for logs and messages only (never executed): each argument quoted
    /// as the .NET runtime's argv parser would read it back.
    /// </summary>
    public static string Display(IEnumerable<string> args) => string.Join(" ", args.Select(Quote));

    /// <summary>Quotes one argument as the .NET runtime's argv parser expects (backslashes before quotes doubled).</summary>
    public static string Quote(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        if (arg.Length > 0 && arg.IndexOfAny([' ', '\t', '\n', '\r', '"', '\'']) < 0) return arg;
        var sb = new StringBuilder("\"");
        int backslashes = 0;
        foreach (var c in arg)
        {
            if (c == '\\') { backslashes++; continue; }
            if (c == '"') { sb.Append('\\', backslashes * 2 + 1).Append('"'); backslashes = 0; continue; }
            sb.Append('\\', backslashes).Append(c);
            backslashes = 0;
        }
        sb.Append('\\', backslashes * 2).Append('"');
        return sb.ToString();
    }

    private static void AddEntry(List<string> args, GateSettings s) =>
        args.Add(string.IsNullOrWhiteSpace(s.ToolAssembly) ? ToolCommand : s.ToolAssembly);

    private static void AddCommon(List<string> args, GateSettings s)
    {
        AddValue(args, "--config", s.ConfigFile);
        AddValue(args, "--corpus", s.Corpus?.Trim());
        AddValue(args, "--arch", s.Arch?.Trim());
    }

    // One argument "--name=value": the CLI reads everything after the first '=' as the value.
    private static void AddValue(List<string> args, string option, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) args.Add(option + "=" + value);
    }
}
