using VmafTiny.Repro.MSBuild.Tests.Infrastructure;

namespace VmafTiny.Repro.MSBuild.Tests.Targets;

/// <summary>Builds the fake vmaf-repro (Fixtures/FakeCli) once, in a temp folder outside the repository.</summary>
public sealed class FakeToolFixture : IDisposable
{
    private readonly TempDirectory _dir = new("vmafrepro-faketool-");

    public FakeToolFixture()
    {
        var src = Path.Combine(_dir.Path, "src");
        TempDirectory.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "FakeCli"), src);
        File.WriteAllText(Path.Combine(_dir.Path, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_dir.Path, "Directory.Build.targets"), "<Project />");
        var bin = Path.Combine(_dir.Path, "bin");
        var r = DotNet.Run(src, null, TimeSpan.FromMinutes(5), "build", "-nologo", "-nr:false", "--disable-build-servers", "-o", bin);
        if (r.ExitCode != 0) throw new InvalidOperationException("building the fake tool failed:\n" + r);
        ToolAssembly = Path.Combine(bin, "vmaf-repro.dll");
    }

    /// <summary>The fake vmaf-repro.dll.</summary>
    public string ToolAssembly { get; }

    /// <summary>The task assembly under test (copied next to the tests by the project reference).</summary>
    public static string TasksAssembly => Path.Combine(AppContext.BaseDirectory, "VmafTiny.Repro.MSBuild.dll");

    /// <summary>The package's build folder in the repository (what gets packed).</summary>
    public static string BuildFolder => Path.Combine(DotNet.RepoRoot, "src", "VmafTiny.Repro.MSBuild", "build");

    public void Dispose() => _dir.Dispose();
}
