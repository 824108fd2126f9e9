using System.Globalization;
using System.Text;

namespace VmafTiny.Repro.Diagnostics;

/// <summary>
/// How values are written into the one-line messages (<c>error VMR####: cause (file). what to do</c>):
/// long lists shortened, names with control characters escaped, so that a message stays one line
/// whatever the input. Used by every layer, so it lives at the bottom (Diagnostics).
/// </summary>
public static class MessageText
{
    /// <summary>How many items a one-line message names before "and N more".</summary>
    public const int ListedItems = 5;

    /// <summary>"a, b, c, d, e and 12 more": the first <paramref name="first"/> items and the count of the rest.</summary>
    public static string List<T>(IEnumerable<T> items, int first = ListedItems)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? "").ToList();
        var shown = string.Join(", ", all.Take(first));
        return all.Count > first ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {all.Count - first} more") : shown;
    }

    /// <summary>A name as it may be shown on one line: control characters escaped, cut after 80 characters.</summary>
    public static string Printable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Escape(name.Length > 80 ? name[..80] : name) + (name.Length > 80 ? "…" : "");
    }

    /// <summary><paramref name="text"/> with control characters (NUL, newlines) written as \uXXXX, so it stays one line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return sb.ToString();
    }
}
