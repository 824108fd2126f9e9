using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Core.Tests.Hosting;

/// <summary>The one dotnet host lookup (CLI bench, MSBuild tasks).</summary>
public sealed class DotNetHostTests
{
    [Fact]
    public void Find_ReturnsAnExplicitPathAsItIs_EvenWhenItDoesNotExist()
    {
        Assert.Equal("/nonexistent/dotnet", DotNetHost.Find("/nonexistent/dotnet"));
    }

    [Fact]
    public void Find_TakesDotNetHostPath_OnlyWhenItNamesAnExistingFile()
    {
        var before = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var fake = Path.Combine(Path.GetTempPath(), $"vmr-host-{Guid.NewGuid():N}", "dotnet");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fake)!);
            File.WriteAllText(fake, "");
            Environment.SetEnvironmentVariable("DOTNET_HOST_PATH", fake);
            Assert.Equal(fake, DotNetHost.Find());
            Assert.Equal(fake, DotNetHost.Find(" "));

            File.Delete(fake);
            Assert.NotEqual(fake, DotNetHost.Find());
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_HOST_PATH", before);
            Directory.Delete(Path.GetDirectoryName(fake)!, recursive: true);
        }
    }

    [Fact]
    public void Find_FindsARealHost_OnThisMachine()
    {
        var host = DotNetHost.Find();
        Assert.True(Path.IsPathRooted(host) && File.Exists(host), host);
        Assert.True(DotNetHost.IsHost(host), host);
    }

    [Theory]
    [InlineData("/usr/share/dotnet/dotnet", true)]
    [InlineData("dotnet", true)]
    [InlineData("/opt/tools/vmaf-repro", false)]
    [InlineData("/usr/share/dotnet/dotnet.dll", false)]
    public void IsHost_IsTrueForTheDotnetExecutableOnly(string path, bool expected)
    {
        Assert.Equal(expected, DotNetHost.IsHost(path));
    }
}
