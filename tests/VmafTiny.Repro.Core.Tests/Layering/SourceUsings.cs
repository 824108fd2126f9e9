using System.Text.RegularExpressions;

namespace VmafTiny.Repro.Core.Tests.Layering;

/// <summary>
/// The <c>using</c> directives of a source tree as namespace edges: what the IL cannot show, such
/// as a constant (inlined by the compiler) of another folder.
/// </summary>
internal static partial class SourceUsings
{
    /// <summary>namespace of each file under <paramref name="dir"/> → the namespaces under <paramref name="root"/> it imports.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string dir, string root)
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (Namespace().Match(text) is not { Success: true } ns) continue;
            var from = ns.Groups[1].Value;
            if (!edges.TryGetValue(from, out var set)) edges[from] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match u in Using().Matches(text))
            {
                var target = u.Groups["name"].Value;
                // "using static A.B.Type;" imports a type: its namespace is A.B.
                if (u.Groups["static"].Success) target = target[..target.LastIndexOf('.')];
                if (target != from && (target == root || target.StartsWith(root + ".", StringComparison.Ordinal))) set.Add(target);
            }
        }
        return edges.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal);
    }

    /// <summary>The union of two edge sets.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Union(IReadOnlyDictionary<string, IReadOnlySet<string>> a, IReadOnlyDictionary<string, IReadOnlySet<string>> b) =>
        a.Keys.Union(b.Keys).ToDictionary(k => k,
            k => (IReadOnlySet<string>)new HashSet<string>((a.GetValueOrDefault(k) ?? new HashSet<string>()).Union(b.GetValueOrDefault(k) ?? new HashSet<string>()), StringComparer.Ordinal),
            StringComparer.Ordinal);

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^\s*using\s+(?<static>static\s+)?(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();
}
