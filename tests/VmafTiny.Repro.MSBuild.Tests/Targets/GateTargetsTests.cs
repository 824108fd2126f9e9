using VmafTiny.Repro.MSBuild.Tests.Infrastructure;

namespace VmafTiny.Repro.MSBuild.Tests.Targets;

/// <summary>
/// The build/*.props|targets of the package, run by a real MSBuild (out of process) against a fake
/// vmaf-repro: incrementality, the stamp, codes and files of diagnostics, property plumbing.
/// </summary>
[Trait("Category", "Targets")]
[Trait("Category", "Slow")]
public sealed class GateTargetsTests : IClassFixture<FakeToolFixture>, IDisposable
{
    private readonly FakeToolFixture _tool;
    private readonly TempDirectory _dir = new("vmafrepro-targets-");

    public GateTargetsTests(FakeToolFixture tool)
    {
        _tool = tool;
        Directory.CreateDirectory(Path.Combine(_dir.Path, "baselines", "c"));
        File.WriteAllText(Config, "{}");
        File.WriteAllText(Baseline, "{\"overall\":{}}");
        File.WriteAllText(Path.Combine(_dir.Path, "gate.proj"), $"""
            <Project DefaultTargets="VmafReproGate">
              <PropertyGroup>
                <VmafReproTasksAssembly>{FakeToolFixture.TasksAssembly}</VmafReproTasksAssembly>
                <VmafReproToolPath>{_tool.ToolAssembly}</VmafReproToolPath>
              </PropertyGroup>
              <Import Project="{FakeToolFixture.BuildFolder}/VmafTiny.Repro.MSBuild.props" />
              <Import Project="{FakeToolFixture.BuildFolder}/VmafTiny.Repro.MSBuild.targets" />
            </Project>
            """);
    }

    public void Dispose() => _dir.Dispose();

    private string Config => Path.Combine(_dir.Path, "vmaf-repro.json");
    private string Baseline => Path.Combine(_dir.Path, "baselines", "c", "a.json");
    private string[] Calls => File.Exists(Path.Combine(_dir.Path, "calls.log")) ? File.ReadAllLines(Path.Combine(_dir.Path, "calls.log")) : [];

    private ProcessResult Build(params string[] properties) =>
        DotNet.Run(_dir.Path, null, TimeSpan.FromMinutes(3),
            ["msbuild", "gate.proj", "-nologo", "-nr:false", "-v:m", .. properties.Select(p => "-p:" + p)]);

    private void ToolReports(string output, int exitCode)
    {
        File.WriteAllText(Path.Combine(_dir.Path, "verdict.txt"), output);
        File.WriteAllText(Path.Combine(_dir.Path, "exit.txt"), exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Touch(string file) => File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(2));

    [Fact]
    public void Gate_RunsVerifyWithConfig_AndSkipsSecondRun_WhenNothingChanged()
    {
        var first = Build();
        var second = Build();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("vmaf-repro gate: passed", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("vmaf-repro gate: up to date, skipped", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
        Assert.Contains($"verify --config {Config} --diagnostics msbuild", Calls);
    }

    [Fact]
    public void Gate_ReRuns_WhenABaselineChanges()
    {
        Assert.Equal(0, Build().ExitCode);
        Touch(Baseline);

        var again = Build();

        Assert.Contains("vmaf-repro gate: passed", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gate_ReRuns_WhenAGateSettingChanges()
    {
        Assert.Equal(0, Build().ExitCode);

        var withArch = Build("VmafReproArch=mlp_small");

        Assert.Contains("vmaf-repro gate: passed", withArch.Output, StringComparison.Ordinal);
        Assert.Contains($"verify --config {Config} --arch mlp_small --diagnostics msbuild", Calls);
    }

    [Fact]
    public void Gate_FailsWithToolsCodeAndFile_AndRunsAgainNextTime_WhenToolReportsRegression()
    {
        ToolReports($"{Baseline}(1,1): error VMR1001: c/a regressed: PLCC below the band\n1 regression\n", 1);

        var failed = Build();
        var again = Build();

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains($"{Baseline}(1,1): error VMR1001: c/a regressed: PLCC below the band", failed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("VMR9101", failed.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Equal(2, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gate_FailsWithVMR9101_WhenToolExitsNonZeroWithoutErrorLine()
    {
        ToolReports("something odd happened\n", 4);

        var r = Build();

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains($"{Config} : error VMR9101: vmaf-repro exited with code 4 (environment error)", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_PassesWithWarning_WhenWarnOnly()
    {
        ToolReports($"{Baseline}(1,1): warning VMR1001: c/a regressed\n", 0);

        var r = Build("VmafReproWarnOnly=true");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"{Baseline}(1,1): warning VMR1001: c/a regressed", r.Output, StringComparison.Ordinal);
        Assert.Contains($"verify --config {Config} --warn-only --diagnostics msbuild", Calls);
    }

    [Fact]
    public void Gate_PassesApproveAndReason_WhenApproveIsSet()
    {
        var r = Build("VmafReproApprove=true", "VmafReproApproveReason=new recipe");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"verify --config {Config} --diagnostics msbuild --approve --reason new recipe", Calls);
    }

    [Fact]
    public void Gate_FailsWithVMR9102_WithoutRunningVerify_WhenApproveHasNoReason()
    {
        var r = Build("VmafReproApprove=true");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("error VMR9102", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls, c => c.StartsWith("verify", StringComparison.Ordinal));
    }

    [Fact]
    public void Gate_FailsWithVMR9105_WhenToolIsNotInstalled()
    {
        var r = Build("VmafReproToolPath=");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("error VMR9105: The vmaf-repro tool is not installed", r.Output, StringComparison.Ordinal);
    }
}
