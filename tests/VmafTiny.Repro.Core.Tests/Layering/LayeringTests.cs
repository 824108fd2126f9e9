using System.Xml.Linq;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Core.Tests.Layering;

/// <summary>
/// Core stays the inner ring (docs/architecture.md): it references no front-end, engine or drawing
/// package, and its folders use only the folders drawn below them in the document's diagram, with
/// no cycle. The dependencies are read from Core's IL, so a fully qualified name counts as much as
/// a using directive.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "VmafTiny.Repro";
    private static readonly string[] AllowedPackages = ["Parquet.Net", "Newtonsoft.Json", "MathNet.Numerics"];
    private static readonly string[] AllowedAssemblies = ["Parquet", "Newtonsoft.Json", "MathNet.Numerics", "netstandard"];

    private static readonly Lazy<NamespaceGraph> Core = new(() => NamespaceGraph.Read(typeof(ExitCodes).Assembly.Location, Root));

    // The IL's edges plus the source's using directives (a constant is inlined: only its using shows it).
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> Edges =
        new(() => SourceUsings.Union(Core.Value.Edges, SourceUsings.Read(Path.Combine(RepoRoot(), "src", "VmafTiny.Repro.Core"), Root)));
    private static readonly Lazy<LayerRules> Documented = new(() => LayerRules.FromArchitectureDoc(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "architecture.md"))));

    [Fact]
    public void TheArchitectureDoc_DrawsLayersZeroToSix()
    {
        Assert.Equal(0, Documented.Value.Layers["Diagnostics"]);
        Assert.Equal(6, Documented.Value.Layers["Evaluation"]);
        Assert.True(Documented.Value.Layers.Count >= 15, string.Join(", ", Documented.Value.Layers.Keys));
    }

    [Fact]
    public void Core_ReferencesOnlyItsDocumentedPackages_NoFrontEndEngineOrDrawingLibrary()
    {
        var csproj = XDocument.Load(Path.Combine(RepoRoot(), "src", "VmafTiny.Repro.Core", "VmafTiny.Repro.Core.csproj"));
        Assert.Empty(csproj.Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include")));
        var packages = csproj.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        Assert.Empty(packages.Except(AllowedPackages));

        var assemblies = Core.Value.AssemblyReferences.Where(a => !a.StartsWith("System", StringComparison.Ordinal) && !AllowedAssemblies.Contains(a));
        Assert.Empty(assemblies);
    }

    [Fact]
    public void EveryCoreFolder_IsDrawnInTheLayerDiagram()
    {
        Assert.Empty(Documented.Value.Undrawn(Edges.Value.Keys, Root));
    }

    [Fact]
    public void CoreFolders_UseOnlyFoldersOnLowerLines()
    {
        Assert.Empty(Documented.Value.Violations(Edges.Value, Root));
    }

    [Fact]
    public void CoreFolders_HaveNoCycle()
    {
        Assert.Null(Documented.Value.Cycle(Edges.Value, Root));
    }

    [Fact]
    public void TheRules_ReportAnUpwardUse_ACycleAndAnUndrawnFolder_OnAHandMadeGraph()
    {
        var rules = new LayerRules(new Dictionary<string, int> { ["Diagnostics"] = 0, ["Corpus"] = 2, ["Gate"] = 4, ["Config"] = 5 });
        var edges = new Dictionary<string, IReadOnlySet<string>>
        {
            ["X.Corpus"] = new HashSet<string> { "X.Config", "X.Diagnostics" },
            ["X.Config"] = new HashSet<string> { "X.Corpus", "X.Gate" },
            ["X.Gate.Reports.Charts"] = new HashSet<string> { "X.Gate" },
            ["X.Sharding"] = new HashSet<string>(),
        };

        Assert.Equal(["Corpus (2) uses Config (5) [X.Corpus -> X.Config]"], rules.Violations(edges, "X"));
        Assert.Equal("Config -> Corpus -> Config", rules.Cycle(edges, "X"));
        Assert.Equal(["X.Sharding"], rules.Undrawn(edges.Keys, "X"));
        Assert.Equal("Gate", rules.FolderOf("X.Gate.Reports.Charts", "X"));
    }

    [Fact]
    public void TheGraph_SeesAFullyQualifiedUse_NotOnlyUsingDirectives()
    {
        // ReceivedCheck (Gate.Baselines) calls CellGrid of the enclosing namespace Gate without a
        // using directive: still an edge of the graph read from the IL.
        Assert.Contains($"{Root}.Gate", Core.Value.Edges[$"{Root}.Gate.Baselines"]);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VmafTiny.Repro.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no VmafTiny.Repro.sln above {AppContext.BaseDirectory}");
    }
}
