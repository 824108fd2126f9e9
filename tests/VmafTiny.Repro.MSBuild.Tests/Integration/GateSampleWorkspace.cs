using System.Text.Json.Nodes;
using VmafTiny.Repro.MSBuild.Tests.Infrastructure;

namespace VmafTiny.Repro.MSBuild.Tests.Integration;

/// <summary>
/// samples/GateSample copied to a temp folder, isolated from the repository (empty Directory.Build.*,
/// nuget.config = the temp feed + nuget.org), with the tool installed in a local manifest and an
/// approved baseline.
/// </summary>
internal sealed class GateSampleWorkspace : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private readonly TempDirectory _dir = new("vmafrepro-sample-");
    private readonly PackagesFixture _packages;
    private readonly Dictionary<string, string?> _env;

    public GateSampleWorkspace(PackagesFixture packages)
    {
        _packages = packages;
        _env = new() { ["NUGET_PACKAGES"] = packages.NuGetPackages, ["DOTNET_CLI_HOME"] = packages.CliHome };
        try
        {
            Prepare(packages);
        }
        catch
        {
            _dir.Dispose();
            throw;
        }
    }

    private void Prepare(PackagesFixture packages)
    {
        TempDirectory.Copy(Path.Combine(DotNet.RepoRoot, "samples", "GateSample"), Dir);
        File.WriteAllText(Path.Combine(Dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Dir, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="vmafrepro-test-feed" value="{packages.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        Must(Run("new", "tool-manifest"));
        Must(Run("tool", "install", "VmafTiny.Repro.Tool", "--version", packages.Version));
        var first = Run("vmaf-repro", "verify");
        if (first.ExitCode != 3) throw new InvalidOperationException("first verify should report a missing baseline (exit 3):\n" + first);
        Must(Run("vmaf-repro", "approve", "--reason", "initial baseline of the integration test"));
        Baseline = Directory.GetFiles(Path.Combine(Dir, "baselines"), "*.json", SearchOption.AllDirectories)
            .Single(f => !f.Contains(".received.", StringComparison.Ordinal));
    }

    public string Dir => _dir.Path;

    /// <summary>The approved baseline (baselines/tiny-synth/mlp_small.json).</summary>
    public string Baseline { get; private set; } = "";

    public ProcessResult Run(params string[] args) => DotNet.Run(Dir, _env, Timeout, args);

    /// <summary><c>dotnet build</c> of the sample, out of process, minimal verbosity plus the given properties (or switches: "-...").</summary>
    public ProcessResult Build(params string[] properties) =>
        Run(["build", "-nologo", "-nr:false", "--disable-build-servers", "-tl:off", "-v:m",
             "-p:VmafReproPackageVersion=" + _packages.Version, .. properties.Select(p => p.StartsWith('-') ? p : "-p:" + p)]);

    /// <summary>Raises the per-cell PLCC of the first fold, for every seed, by <paramref name="delta"/>.</summary>
    /// <summary>
    /// Raises the baseline's PLCC by <paramref name="delta"/> in every (fold, seed) cell: a consistent
    /// shift that the paired test flags whatever the band (the sample's corpus is small, so its seed
    /// spread, and with it the band, is wide). Returns the first fold's name.
    /// </summary>
    public string TamperBaseline(double delta = 0.02)
    {
        var json = JsonNode.Parse(File.ReadAllText(Baseline))!;
        string? fold = null;
        foreach (var (_, folds) in json["per_seed_per_fold"]!.AsObject())
            foreach (var (name, cell) in folds!.AsObject())
            {
                fold ??= name;
                cell!["plcc"] = cell["plcc"]!.GetValue<double>() + delta;
            }
        File.WriteAllText(Baseline, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return fold!;
    }

    private static void Must(ProcessResult r)
    {
        if (r.ExitCode != 0) throw new InvalidOperationException("setup step failed:\n" + r);
    }

    public void Dispose() => _dir.Dispose();
}
