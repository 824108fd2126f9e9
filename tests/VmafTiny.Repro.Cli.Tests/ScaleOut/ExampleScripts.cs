using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace VmafTiny.Repro.Cli.Tests.ScaleOut;

/// <summary>
/// Reads the files under examples/scale-out: YAML documents, and the <c>dotnet vmaf-repro ...</c>
/// command lines of their scripts as argument lists, with the variables a scheduler would set
/// substituted and globs expanded, so the tests can run them with the in-process CLI.
/// </summary>
internal static partial class ExampleScripts
{
    /// <summary>The repository's examples/scale-out folder (found from the test binaries upwards).</summary>
    public static string Folder { get; } = FindFolder();

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VmafTiny.Repro.sln")))
                return Path.Combine(dir.FullName, "examples", "scale-out");
        throw new DirectoryNotFoundException($"no VmafTiny.Repro.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Every YAML document of a file, as mappings.</summary>
    public static IReadOnlyList<YamlMappingNode> Yaml(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(PathOf(relative));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>The node at a path of mapping keys (and sequence indices as numbers).</summary>
    public static YamlNode At(YamlNode node, params object[] path)
    {
        foreach (var step in path)
            node = step is int i ? ((YamlSequenceNode)node).Children[i] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)step)];
        return node;
    }

    public static YamlNode? Find(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string Text(YamlNode node, params object[] path) => ((YamlScalarNode)At(node, path)).Value!;

    /// <summary>The text after each <c>dotnet vmaf-repro</c> of a script (continuation lines joined, comments dropped).</summary>
    public static IReadOnlyList<string> ToolCommands(string script)
    {
        var joined = script.Replace("\\\n", " ", StringComparison.Ordinal);
        var commands = new List<string>();
        foreach (var raw in joined.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#')) continue;
            var at = line.IndexOf("dotnet vmaf-repro ", StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = line[(at + "dotnet vmaf-repro ".Length)..];
            var comment = rest.IndexOf(" #", StringComparison.Ordinal);
            commands.Add((comment < 0 ? rest : rest[..comment]).Trim());
        }
        return commands;
    }

    [GeneratedRegex(@"\$\{\{\s*([\w.-]+)\s*\}\}|\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)")]
    private static partial Regex Variable();

    /// <summary>
    /// One command line as arguments: <c>${{ x }}</c>, <c>${X}</c>, <c>${X:-default}</c> and
    /// <c>$X</c> from <paramref name="variables"/> (an unknown one fails the test), words split as
    /// the shell does (quotes), paths starting with a key of <paramref name="mounts"/> moved there,
    /// and words with <c>*</c> expanded against <paramref name="workingDirectory"/> (sorted).
    /// </summary>
    public static string[] Arguments(string command, IReadOnlyDictionary<string, string> variables, string workingDirectory,
        IReadOnlyDictionary<string, string>? mounts = null)
    {
        var expanded = Variable().Replace(command, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Value;
            if (variables.TryGetValue(name, out var value)) return value;
            if (m.Groups[3].Success) return m.Groups[3].Value;
            throw new KeyNotFoundException($"'{command}' uses {m.Value}, which the test does not set");
        });
        var words = new List<string>();
        foreach (var word in Split(expanded))
        {
            var moved = word;
            foreach (var (from, to) in mounts ?? new Dictionary<string, string>())
                if (moved.StartsWith(from + "/", StringComparison.Ordinal)) moved = to + moved[from.Length..];
            if (!moved.Contains('*', StringComparison.Ordinal)) { words.Add(moved); continue; }
            var full = Path.GetFullPath(moved, workingDirectory);
            var matches = Directory.GetFiles(Path.GetDirectoryName(full)!, Path.GetFileName(full)).Order(StringComparer.Ordinal).ToList();
            words.AddRange(matches.Count > 0 ? matches : [moved]);
        }
        return [.. words];
    }

    private static IEnumerable<string> Split(string text)
    {
        var word = new StringBuilder();
        var any = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null; else word.Append(c);
                continue;
            }
            if (c is '"' or '\'') { quote = c; any = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (any || word.Length > 0) yield return word.ToString();
                word.Clear();
                any = false;
                continue;
            }
            word.Append(c);
        }
        if (any || word.Length > 0) yield return word.ToString();
    }

    /// <summary>The value after <paramref name="option"/> in a command line (e.g. the N of --from-shards N), or null.</summary>
    public static string? OptionValue(string command, string option)
    {
        var words = Split(command).ToList();
        var i = words.IndexOf(option);
        return i >= 0 && i + 1 < words.Count ? words[i + 1] : null;
    }
}
