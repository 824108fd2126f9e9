using System.Globalization;
using System.Text;

namespace VmafTiny.Repro.MSBuild;

/// <summary>Builds the vmaf-repro command line (arguments after <c>dotnet</c>) and validates settings.</summary>
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
            return (TaskCodes.ApproveWithoutReason,
                "VmafReproApprove is true but VmafReproApproveReason is empty. Say why the baselines change, e.g. -p:VmafReproApproveReason=\"TorchSharp 0.107 upgrade\"");
        if (!string.IsNullOrWhiteSpace(s.ReportFormat) && !GateSettings.ReportFormats.Contains(s.ReportFormat.Trim(), StringComparer.OrdinalIgnoreCase))
            return (TaskCodes.BadReportFormat,
                $"VmafReproReportFormat '{s.ReportFormat}' is not one of md, json, junit. Set it to one of those or leave it empty");
        if (!string.IsNullOrWhiteSpace(s.K) &&
            (!double.TryParse(s.K, NumberStyles.Float, CultureInfo.InvariantCulture, out var k) || !double.IsFinite(k) || k <= 0))
            return (TaskCodes.BadK,
                $"VmafReproK '{s.K}' is not a positive number (invariant culture, e.g. 3 or 2.5). Fix the property or leave it empty to use the config's k");
        if (!string.IsNullOrWhiteSpace(s.ToolAssembly) && !File.Exists(s.ToolAssembly))
            return (TaskCodes.ToolAssemblyMissing,
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
        if (!string.IsNullOrWhiteSpace(s.K)) { args.Add("--band-k"); args.Add(s.K.Trim()); }
        if (!string.IsNullOrWhiteSpace(s.ReportFormat)) { args.Add("--report"); args.Add(s.ReportFormat.Trim().ToLowerInvariant()); }
        if (!string.IsNullOrWhiteSpace(s.ReportFile)) { args.Add("--report-file"); args.Add(s.ReportFile); }
        if (s.WarnOnly) args.Add("--warn-only");
        args.Add("--diagnostics");
        args.Add("msbuild");
        if (s.Approve)
        {
            args.Add("--approve");
            args.Add("--reason");
            args.Add(s.Reason ?? "");
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
        if (!string.IsNullOrWhiteSpace(s.ConfigFile)) { args.Add("--config"); args.Add(s.ConfigFile); }
        return args;
    }

    /// <summary>Joins arguments into one command line, quoting where a shell or the CLR parser needs it.</summary>
    public static string Join(IEnumerable<string> args) => string.Join(" ", args.Select(Quote));

    /// <summary>Quotes one argument as the .NET runtime's argv parser expects (backslashes before quotes doubled).</summary>
    public static string Quote(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        if (arg.Length > 0 && arg.IndexOfAny([' ', '\t', '\n', '"', '\'']) < 0) return arg;
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
        if (!string.IsNullOrWhiteSpace(s.ConfigFile)) { args.Add("--config"); args.Add(s.ConfigFile); }
        if (!string.IsNullOrWhiteSpace(s.Corpus)) { args.Add("--corpus"); args.Add(s.Corpus.Trim()); }
        if (!string.IsNullOrWhiteSpace(s.Arch)) { args.Add("--arch"); args.Add(s.Arch.Trim()); }
    }
}
