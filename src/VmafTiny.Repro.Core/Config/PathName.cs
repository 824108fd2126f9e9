using System.Globalization;
using System.Text;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Config;

/// <summary>
/// The one grammar of names that become file or folder names (corpus names: folders under
/// baselines/ and runs/; architecture names: <c>&lt;arch&gt;.json</c>, <c>&lt;arch&gt;.received.json</c>):
/// letters, digits, <c>.</c>, <c>_</c> and <c>-</c>; not starting with a dot; no <c>..</c>; not
/// ending in a reserved suffix; at most <see cref="MaxLength"/> characters. Refused at
/// configuration load and option parse (VMR3110, exit 2); names taken from file names are
/// <see cref="Sanitize">sanitised</see> by the same rule.
/// </summary>
public static class PathName
{
    /// <summary>Longest name: a baseline path stays far below the 255-byte file-name limit.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Suffixes the tool gives its own files: <c>tiny.received</c> would make <c>tiny</c>'s received
    /// file the baseline of another pair, and <c>.lock</c> is the baselines lock.
    /// </summary>
    public static IReadOnlyList<string> ReservedSuffixes { get; } = [".received", ".lock"];

    /// <summary>The rule in words, as every message says it.</summary>
    public static string Rule { get; } =
        $"use letters, digits, '.', '_' and '-', at most {MaxLength} characters, not starting with '.', without '..', not ending in {string.Join(" or ", ReservedSuffixes.Select(s => $"'{s}'"))}";

    /// <summary>What is wrong with <paramref name="name"/>, or null when it follows the rule.</summary>
    public static string? Violation(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "is empty";
        if (name.Length > MaxLength) return $"is {name.Length.ToString(CultureInfo.InvariantCulture)} characters long";
        foreach (var c in name)
            if (!IsAllowed(c)) return $"contains {Show(c)}";
        if (name[0] == '.') return "starts with '.'";
        if (name.Contains("..", StringComparison.Ordinal)) return "contains '..'";
        foreach (var suffix in ReservedSuffixes)
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return $"ends in the reserved suffix '{suffix}'";
        return null;
    }

    /// <summary>Throws VMR3110 (exit 2) naming the rule when <paramref name="name"/> breaks it.</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="what">e.g. "corpus", "architecture".</param>
    /// <param name="where">where the name came from (e.g. "vmaf-repro.json", "--arch").</param>
    /// <param name="file">The file the error points at, if any.</param>
    public static void Check(string name, string what, string where, string? file = null)
    {
        if (Violation(name) is { } why)
            throw new ReproException("VMR3110", $"{where}: {what} name '{MessageText.Printable(name)}' {why}; names become file names",
                $"Rename it: {Rule}.", ExitCodes.UsageOrInputError, file);
    }

    /// <summary>
    /// A name that follows the rule made from <paramref name="raw"/> (e.g. a file name without its
    /// extension): other characters become '_', leading dots and reserved suffixes are dropped,
    /// runs of dots become one, and the result is cut to <see cref="MaxLength"/>; "corpus" when
    /// nothing is left.
    /// </summary>
    public static string Sanitize(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var ch = IsAllowed(c) ? c : '_';
            if (ch == '.' && (sb.Length == 0 || sb[^1] == '.')) continue;
            sb.Append(ch);
        }
        var name = sb.ToString();
        bool changed;
        do
        {
            changed = false;
            name = name.TrimEnd('.');
            foreach (var suffix in ReservedSuffixes)
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { name = name[..^suffix.Length]; changed = true; }
        } while (changed);
        if (name.Length > MaxLength) name = name[..MaxLength].TrimEnd('.');
        return name.Length == 0 ? "corpus" : name;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static string Show(char c) => char.IsControl(c) ? $"the control character U+{(int)c:X4}" : $"'{c}'";
}
