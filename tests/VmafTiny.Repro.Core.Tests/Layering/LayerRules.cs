using System.Text.RegularExpressions;

namespace VmafTiny.Repro.Core.Tests.Layering;

/// <summary>
/// The layers of Core's folders as docs/architecture.md draws them (lines <c> N  Folder · Folder</c>
/// in the diagram under "Core's internal layering"), and the rule: a folder uses only folders on
/// lower lines; a sub-folder not drawn (Gate/Reports/Charts) belongs to its drawn parent.
/// </summary>
internal sealed partial class LayerRules
{
    private readonly IReadOnlyDictionary<string, int> _layers;

    public LayerRules(IReadOnlyDictionary<string, int> layers) => _layers = layers;

    /// <summary>Folder ("Gate/Stats") → layer, read from the diagram of docs/architecture.md.</summary>
    public static LayerRules FromArchitectureDoc(string markdown)
    {
        var section = markdown[markdown.IndexOf("## Core's internal layering", StringComparison.Ordinal)..];
        var start = section.IndexOf("```", StringComparison.Ordinal) + 3;
        var diagram = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var layers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in LayerLine().Matches(diagram))
            foreach (var folder in m.Groups["folders"].Value.Split('·', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                layers[folder] = int.Parse(m.Groups["layer"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new LayerRules(layers);
    }

    public IReadOnlyDictionary<string, int> Layers => _layers;

    /// <summary>The drawn folder a namespace belongs to ("VmafTiny.Repro.Gate.Reports.Charts" → "Gate/Reports"), or null.</summary>
    public string? FolderOf(string ns, string root)
    {
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal)) return null;
        var path = ns[(root.Length + 1)..].Replace('.', '/');
        return _layers.Keys.Where(f => path == f || path.StartsWith(f + "/", StringComparison.Ordinal)).MaxBy(f => f.Length);
    }

    /// <summary>Each namespace under <paramref name="root"/> that no drawn folder holds.</summary>
    public IEnumerable<string> Undrawn(IEnumerable<string> namespaces, string root) =>
        namespaces.Where(ns => ns != root && FolderOf(ns, root) is null);

    /// <summary>Each edge that does not go to a lower line: "Corpus (1) uses Config (5)".</summary>
    public IEnumerable<string> Violations(IReadOnlyDictionary<string, IReadOnlySet<string>> edges, string root)
    {
        foreach (var (from, uses) in edges.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (FolderOf(from, root) is not { } a) continue;
            foreach (var to in uses.Order(StringComparer.Ordinal))
            {
                if (FolderOf(to, root) is not { } b || a == b) continue;
                if (_layers[b] >= _layers[a]) yield return $"{a} ({_layers[a]}) uses {b} ({_layers[b]}) [{from} -> {to}]";
            }
        }
    }

    /// <summary>One cycle of folders (e.g. "Config -> Gate -> Config"), or null when there is none.</summary>
    public string? Cycle(IReadOnlyDictionary<string, IReadOnlySet<string>> edges, string root)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (from, uses) in edges)
            if (FolderOf(from, root) is { } a)
                foreach (var to in uses)
                    if (FolderOf(to, root) is { } b && a != b)
                        (graph.TryGetValue(a, out var set) ? set : graph[a] = new HashSet<string>(StringComparer.Ordinal)).Add(b);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();
        string? Visit(string n)
        {
            state[n] = 1;
            path.Add(n);
            foreach (var m in graph.GetValueOrDefault(n) ?? [])
            {
                if (state.GetValueOrDefault(m) == 1) return string.Join(" -> ", path.Skip(path.IndexOf(m)).Append(m));
                if (state.GetValueOrDefault(m) == 0 && Visit(m) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[n] = 2;
            return null;
        }
        return graph.Keys.Order(StringComparer.Ordinal).Where(n => state.GetValueOrDefault(n) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex(@"^\s*(?<layer>\d+)\s{2,}(?<folders>[A-Za-z/ ·]+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex LayerLine();
}
