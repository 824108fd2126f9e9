using System.IO.Compression;
using System.Security.Cryptography;

namespace VmafTiny.Repro.MSBuild.Tests.Integration;

/// <summary>What the packed .nupkg files contain.</summary>
[Trait("Category", "Integration")]
[Collection(PackagesCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PackageLayoutTests(PackagesFixture packages)
{
    private static List<string> Entries(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    [Fact]
    public void TaskPackage_HasTaskUnderTasksAndTargetsUnderBuild_AndNoLib()
    {
        var entries = Entries(packages.TaskPackage);

        Assert.Contains("tasks/net10.0/VmafTiny.Repro.MSBuild.dll", entries);
        Assert.Contains("build/VmafTiny.Repro.MSBuild.props", entries);
        Assert.Contains("build/VmafTiny.Repro.MSBuild.targets", entries);
        Assert.Contains("build/VmafTiny.Repro.Gate.proj", entries);
        Assert.Contains("buildMultiTargeting/VmafTiny.Repro.MSBuild.props", entries);
        Assert.Contains("buildMultiTargeting/VmafTiny.Repro.MSBuild.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryPackage_HasAReadme()
    {
        foreach (var package in new[] { packages.TaskPackage, packages.ToolPackage, packages.ToolRidPackage })
        {
            using var zip = ZipFile.OpenRead(package);
            var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var reader = new StreamReader(nuspec.Open());
            var xml = reader.ReadToEnd();
            var readme = System.Text.RegularExpressions.Regex.Match(xml, "<readme>([^<]+)</readme>");
            Assert.True(readme.Success, $"{Path.GetFileName(package)} has no <readme>");
            Assert.NotNull(zip.GetEntry(readme.Groups[1].Value));
        }
    }

    [Fact]
    public void ToolRidPackage_LeavesOutWhatTheToolNeverLoads()
    {
        var entries = Entries(packages.ToolRidPackage);

        Assert.DoesNotContain(entries, e => e.EndsWith("/libtorch_python.so", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith("/libnnapi_backend.so", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith("_test.so", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/", StringComparison.Ordinal) && (e.EndsWith(".pdb", StringComparison.Ordinal) || (e.EndsWith(".xml", StringComparison.Ordinal) && !e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal))));
        Assert.Contains("tools/net10.0/linux-x64/libtorch.so", entries);
        Assert.Contains("tools/net10.0/linux-x64/libc10.so", entries);
    }

    [Fact]
    public void ToolPointerPackage_ListsLinuxX64Package()
    {
        using var zip = ZipFile.OpenRead(packages.ToolPackage);
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var reader = new StreamReader(settings.Open());
        var xml = reader.ReadToEnd();

        Assert.Contains("Command Name=\"dotnet-vmaf-repro\"", xml, StringComparison.Ordinal);
        Assert.Contains("RuntimeIdentifier=\"linux-x64\" Id=\"VmafTiny.Repro.Tool.linux-x64\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToolRidPackage_CarriesOnlyLinuxX64Natives()
    {
        var entries = Entries(packages.ToolRidPackage);

        Assert.Contains("tools/net10.0/linux-x64/vmaf-repro.dll", entries);
        Assert.Contains("tools/net10.0/linux-x64/libtorch_cpu.so", entries);
        Assert.Contains("tools/net10.0/linux-x64/libLibTorchSharp.so", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".dylib", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith("torch_cpu.dll", StringComparison.Ordinal) || e.EndsWith("LibTorchSharp.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("/runtimes/", StringComparison.Ordinal));
    }

    [Fact]
    public void ToolRidPackage_CarriesPatchedLibTorchSharp_WhenHostLibStdCxxLacksGlibcxx3432()
    {
        const string libstdcxx = "/lib/x86_64-linux-gnu/libstdc++.so.6";
        if (!File.Exists(libstdcxx) || File.ReadAllText(libstdcxx).Contains("GLIBCXX_3.4.32", StringComparison.Ordinal)) return;
        var original = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(original)) return;

        using var zip = ZipFile.OpenRead(packages.ToolRidPackage);
        using var packed = new MemoryStream();
        using (var s = zip.GetEntry("tools/net10.0/linux-x64/libLibTorchSharp.so")!.Open()) s.CopyTo(packed);
        var bytes = packed.ToArray();
        var reference = File.ReadAllBytes(original);

        // Same size, different bytes: only the version-need flags of .gnu.version_r were changed.
        Assert.Equal(reference.Length, bytes.Length);
        Assert.NotEqual(SHA256.HashData(reference), SHA256.HashData(bytes));
        Assert.True(bytes.Zip(reference).Count(t => t.First != t.Second) <= 4);
    }
}
