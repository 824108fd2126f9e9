using VmafTiny.Repro.MSBuild.Tests.Infrastructure;

namespace VmafTiny.Repro.MSBuild.Tests.Integration;

/// <summary>
/// Packs VmafTiny.Repro.Tool (RID-specific, ~130 MB) and VmafTiny.Repro.MSBuild once per test run
/// into a temp feed, with a private NuGet packages folder for everything the samples restore or install.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    private readonly TempDirectory _root = new("vmafrepro-it-");

    public PackagesFixture()
    {
        Feed = Directory.CreateDirectory(Path.Combine(_root.Path, "feed")).FullName;
        NuGetPackages = Directory.CreateDirectory(Path.Combine(_root.Path, "nuget-packages")).FullName;
        CliHome = Directory.CreateDirectory(Path.Combine(_root.Path, "cli-home")).FullName;
        foreach (var project in new[] { "src/VmafTiny.Repro.MSBuild/VmafTiny.Repro.MSBuild.csproj", "src/VmafTiny.Repro.Cli/VmafTiny.Repro.Cli.csproj" })
        {
            var r = DotNet.Run(DotNet.RepoRoot, null, TimeSpan.FromMinutes(20),
                "pack", Path.Combine(DotNet.RepoRoot, project), "-c", "Release", "-nologo", "-nr:false", "--disable-build-servers",
                "-o", Feed, "-p:PackageOutputPath=" + Feed + "/");
            if (r.ExitCode != 0)
            {
                _root.Dispose();
                throw new InvalidOperationException($"packing {project} failed:\n{r}");
            }
        }
        var task = Directory.GetFiles(Feed, "VmafTiny.Repro.MSBuild.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(task)["VmafTiny.Repro.MSBuild.".Length..];
    }

    /// <summary>The local feed with the packed .nupkg files.</summary>
    public string Feed { get; }

    /// <summary>NUGET_PACKAGES for the samples (so a re-pack of the same version is never shadowed by a cached copy).</summary>
    public string NuGetPackages { get; }

    /// <summary>
    /// DOTNET_CLI_HOME for the samples: the CLI's local-tool resolver cache (.dotnet/toolResolverCache)
    /// remembers where a tool version was found; a shared one would point later runs at this run's deleted folder.
    /// </summary>
    public string CliHome { get; }

    /// <summary>The packages' version.</summary>
    public string Version { get; }

    public string ToolPackage => Path.Combine(Feed, $"VmafTiny.Repro.Tool.{Version}.nupkg");
    public string ToolRidPackage => Path.Combine(Feed, $"VmafTiny.Repro.Tool.linux-x64.{Version}.nupkg");
    public string TaskPackage => Path.Combine(Feed, $"VmafTiny.Repro.MSBuild.{Version}.nupkg");

    public void Dispose() => _root.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packed packages";
}
