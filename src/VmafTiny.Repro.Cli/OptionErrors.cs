using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Commands;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Cli;

/// <summary>
/// Spectre.Console.Cli's parse errors in the project's words: "Failed to convert 'x' to
/// Nullable`1" becomes "--threads: 'x' is not a whole number (-2147483648..2147483647)".
/// Control characters the user typed are escaped so the error stays one line.
/// </summary>
internal static partial class OptionErrors
{
    private static readonly Dictionary<string, Type> SettingsOf = new(StringComparer.Ordinal)
    {
        ["verify"] = typeof(VerifyCommand.Settings),
        ["run"] = typeof(RunCommand.Settings),
        ["approve"] = typeof(ApproveCommand.Settings),
        ["calibrate"] = typeof(CalibrateCommand.Settings),
        ["synth"] = typeof(SynthCommand.Settings),
        ["export"] = typeof(ExportCommand.Settings),
        ["bench"] = typeof(BenchCommand.Settings),
        ["bench-probe"] = typeof(BenchProbeCommand.Settings),
    };

    public static string Describe(string message, string[] args)
    {
        var m = ConvertFailure().Match(message);
        if (m.Success && OptionFor(m.Groups[1].Value, args) is { } option)
            message = $"{option}: '{m.Groups[1].Value}' is not {Expected(args, option)}";
        return MessageText.Escape(message);
    }

    // The option whose value could not be converted: "--threads x" or "--threads=x".
    private static string? OptionFor(string value, string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0 && args[i] == value && args[i - 1].StartsWith('-')) return args[i - 1];
            var eq = args[i].IndexOf('=', StringComparison.Ordinal);
            if (args[i].StartsWith('-') && eq > 0 && args[i][(eq + 1)..] == value) return args[i][..eq];
        }
        return null;
    }

    private static string Expected(string[] args, string option)
    {
        var command = args.FirstOrDefault(a => !a.StartsWith('-'));
        var type = command is not null && SettingsOf.TryGetValue(command, out var settings) ? PropertyType(settings, option) : null;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) ? string.Create(CultureInfo.InvariantCulture, $"a whole number ({int.MinValue}..{int.MaxValue})")
            : type == typeof(double) ? "a number (e.g. 3 or 0.5)"
            : "a valid value";
    }

    private static Type? PropertyType(Type settings, string option)
    {
        var name = option.TrimStart('-');
        foreach (var p in settings.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attribute = p.GetCustomAttribute<CommandOptionAttribute>();
            if (attribute is not null && (attribute.LongNames.Contains(name) || attribute.ShortNames.Contains(name))) return p.PropertyType;
        }
        return null;
    }

    [GeneratedRegex("^Failed to convert '(.*)' to [^ ]+?\\.?$")]
    private static partial Regex ConvertFailure();
}
