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
            ["msbuild", "gate.proj", "-nologo", "-nr:false", "-v:m", .. properties.Select(p => p.StartsWith('-') ? p : "-p:" + p)]);

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
        Assert.Contains($"verify --config={Config} --diagnostics=msbuild", Calls);
    }

    [Fact]
    public void Gate_ReRuns_WhenABaselineChanges()
    {
        Assert.Equal(0, Build().ExitCode);
        File.AppendAllText(Baseline, " ");

        var again = Build();

        Assert.Contains("vmaf-repro gate: passed", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gate_Skips_WhenABaselineIsOnlyTouched()
    {
        Assert.Equal(0, Build().ExitCode);
        Touch(Baseline);

        var again = Build();

        Assert.Contains("vmaf-repro gate: up to date, skipped", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gate_ReRuns_WhenAGateSettingChanges()
    {
        Assert.Equal(0, Build().ExitCode);

        var withArch = Build("VmafReproArch=mlp_small");

        Assert.Contains("vmaf-repro gate: passed", withArch.Output, StringComparison.Ordinal);
        Assert.Contains($"verify --config={Config} --arch=mlp_small --diagnostics=msbuild", Calls);
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
        Assert.Contains("Its last output: something odd happened", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_PassesWithWarning_WhenWarnOnly()
    {
        ToolReports($"{Baseline}(1,1): warning VMR1001: c/a regressed\n", 0);

        var r = Build("VmafReproWarnOnly=true");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"{Baseline}(1,1): warning VMR1001: c/a regressed", r.Output, StringComparison.Ordinal);
        Assert.Contains($"verify --config={Config} --warn-only --diagnostics=msbuild", Calls);
    }

    [Fact]
    public void Gate_PassesApproveAndReason_WhenApproveIsSet()
    {
        var r = Build("VmafReproApprove=true", "VmafReproApproveReason=new recipe");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"verify --config={Config} --diagnostics=msbuild --approve --reason=new recipe", Calls);
    }

    [Fact]
    public void Gate_FailsWithVMR9102_WithoutRunningVerify_WhenApproveHasNoReason()
    {
        var r = Build("VmafReproApprove=true");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("error VMR9102", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls, c => c.StartsWith("verify", StringComparison.Ordinal));
    }

    // Issue 16 cases 3 and 8: the dotnet host's own exit 1 is neither a regression nor waved through by WarnOnly.
    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public void Gate_FailsWithVMR9105Once_WhenToolIsNotInstalled_WarnOnlyOrNot(string warnOnly)
    {
        var r = Build("VmafReproToolPath=", "VmafReproWarnOnly=" + warnOnly);

        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal(1, Count(r.Output, "error VMR9105: vmaf-repro could not be run"));
        Assert.DoesNotContain("VMR9101", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("vmaf-repro gate: passed", r.Output, StringComparison.Ordinal);
    }

    // Issue 16 case 1.
    [Fact]
    public void Gate_RunsAgain_WhenTheBaselineIsDeleted()
    {
        Assert.Equal(0, Build().ExitCode);
        File.Delete(Baseline);

        var again = Build();

        Assert.Contains("vmaf-repro gate: passed", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
    }

    // Issue 16 case 6: same bytes restored with an old timestamp are still judged by content.
    [Fact]
    public void Gate_RunsAgain_WhenABaselineIsReplacedByOneWithAnOlderTimestamp()
    {
        var old = File.GetLastWriteTimeUtc(Baseline).AddDays(-3);
        Assert.Equal(0, Build().ExitCode);
        File.WriteAllText(Baseline, "{\"overall\":{\"plcc\":0.5}}");
        File.SetLastWriteTimeUtc(Baseline, old);

        var again = Build();

        Assert.Contains("vmaf-repro gate: passed", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
    }

    // Issue 16 case 2: a warning failed by -warnaserror leaves nothing that lets the next -warnaserror build skip.
    [Fact]
    public void Gate_FailsAgain_WhenWarningsAreErrors_EvenAfterAPassThatWarned()
    {
        ToolReports($"{Baseline}(1,1): warning VMR1006: c/a improved\n", 0);

        var warned = Build();
        var strict = Build("-warnaserror");
        var strictAgain = Build("-warnaserror");

        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error VMR1006", strict.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, strictAgain.ExitCode);
        Assert.DoesNotContain("up to date, skipped", strictAgain.Output, StringComparison.Ordinal);
        Assert.Equal(3, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
    }

    // Issue 16 case 4: through MSBuild properties too, a value starting with '-' stays a value.
    [Fact]
    public void Gate_PassesAValueStartingWithDashAsAValue_WhenGivenAsAProperty()
    {
        var r = Build("VmafReproApprove=true", "VmafReproApproveReason=--warn-only", "VmafReproArch=-v");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"verify --config={Config} --arch=-v --diagnostics=msbuild --approve --reason=--warn-only", Calls);
    }

    // Issue 16 case 7.
    [Fact]
    public void Gate_FailsWithVMR9110AndKillsTheTool_WhenVmafReproTimeoutExpires()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "sleep.txt"), "120");

        var started = DateTime.UtcNow;
        var r = Build("VmafReproTimeout=3");

        Assert.NotEqual(0, r.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(90), r.ToString());
        Assert.Contains("error VMR9110: vmaf-repro gate: did not finish within VmafReproTimeout = 3 s", r.Output, StringComparison.Ordinal);
        var pid = int.Parse(File.ReadAllText(Path.Combine(_dir.Path, "verify.pid")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(FakeHostTests.WaitGone(pid), $"the tool (pid {pid}) survived the timeout");
    }

    // Issue 16 case 11: SIGTERM to the build kills the tool's tree too.
    [Fact]
    public void Gate_KillsTheTool_WhenTheBuildGetsSigterm()
    {
        if (OperatingSystem.IsWindows()) return;
        File.WriteAllText(Path.Combine(_dir.Path, "sleep.txt"), "120");
        var pidFile = Path.Combine(_dir.Path, "verify.pid");

        using var build = DotNet.Start(_dir.Path, null, ["msbuild", "gate.proj", "-nologo", "-nr:false", "-v:m", "-m:1"]);
        var tool = 0;
        try
        {
            for (var i = 0; i < 600 && !File.Exists(pidFile); i++) Thread.Sleep(100);
            Assert.True(File.Exists(pidFile), "the fake tool never started");
            Thread.Sleep(300);
            tool = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();

            Assert.True(build.WaitForExit(TimeSpan.FromSeconds(60)), "the build did not exit on SIGTERM");
            Assert.True(FakeHostTests.WaitGone(tool), $"the tool (pid {tool}) was orphaned by SIGTERM to the build");
        }
        finally
        {
            if (!build.HasExited) build.Kill(entireProcessTree: true);
            if (tool > 0 && !FakeHostTests.WaitGone(tool)) System.Diagnostics.Process.GetProcessById(tool).Kill();
        }
    }

    // Issue 16 case 9: relative paths given with -p: (global properties) are resolved against the project.
    [Fact]
    public void Gate_ResolvesRelativeGlobalPropertyPaths_AgainstTheProjectFolder()
    {
        var project = Directory.CreateDirectory(Path.Combine(_dir.Path, "src", "app")).FullName;
        File.Copy(Path.Combine(_dir.Path, "gate.proj"), Path.Combine(project, "app.proj"));

        var r = DotNet.Run(project, null, TimeSpan.FromMinutes(3),
            ["msbuild", "app.proj", "-nologo", "-nr:false", "-v:m", "-p:VmafReproReportFile=gate.md", "-p:VmafReproConfigFile=../../vmaf-repro.json"]);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"verify --config={Config} --report-file={Path.Combine(project, "gate.md")} --diagnostics=msbuild", Calls);
        Assert.Contains($"inputs --config={Config}", Calls);
    }

    // Issue 16 case 10: two projects in parallel (-m:2) gating one config: the gate runs once, each error once.
    [Fact]
    public void Gate_RunsOncePerConfiguration_WhenTwoProjectsBuildInParallel()
    {
        ToolReports($"{Baseline}(1,1): error VMR1001: c/a regressed\n", 1);
        File.Copy(Path.Combine(_dir.Path, "gate.proj"), Path.Combine(_dir.Path, "one.proj"));
        File.Copy(Path.Combine(_dir.Path, "gate.proj"), Path.Combine(_dir.Path, "two.proj"));
        File.WriteAllText(Path.Combine(_dir.Path, "both.proj"), """
            <Project DefaultTargets="Build">
              <Target Name="Build"><MSBuild Projects="one.proj;two.proj" BuildInParallel="true" /></Target>
            </Project>
            """);

        var r = DotNet.Run(_dir.Path, null, TimeSpan.FromMinutes(3),
            ["msbuild", "both.proj", "-nologo", "-nr:false", "-v:m", "-m:2", "-clp:NoSummary"]);

        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal(1, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
        Assert.Equal(1, Count(r.Output, "error VMR1001: c/a regressed"));
    }

    [Fact]
    public void Gate_RunsOnceAndSkipsTheSecond_WhenTwoPassingProjectsBuildInParallel()
    {
        File.Copy(Path.Combine(_dir.Path, "gate.proj"), Path.Combine(_dir.Path, "one.proj"));
        File.Copy(Path.Combine(_dir.Path, "gate.proj"), Path.Combine(_dir.Path, "two.proj"));
        File.WriteAllText(Path.Combine(_dir.Path, "both.proj"), """
            <Project DefaultTargets="Build">
              <Target Name="Build"><MSBuild Projects="one.proj;two.proj" BuildInParallel="true" /></Target>
            </Project>
            """);

        var r = DotNet.Run(_dir.Path, null, TimeSpan.FromMinutes(3), ["msbuild", "both.proj", "-nologo", "-nr:false", "-v:m", "-m:2"]);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(1, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
        Assert.Equal(1, Count(r.Output, "vmaf-repro gate: passed"));
    }

    // Issue 16 case 10: a multi-targeted project gates once, in its outer build, not once per target framework.
    [Fact]
    public void Gate_RunsOnceInTheOuterBuild_WhenTheProjectIsMultiTargeted()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "multi.proj"), $"""
            <Project DefaultTargets="Build">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net9.0</TargetFrameworks>
                <VmafReproRunOnBuild>true</VmafReproRunOnBuild>
                <VmafReproTasksAssembly>{FakeToolFixture.TasksAssembly}</VmafReproTasksAssembly>
                <VmafReproToolPath>{_tool.ToolAssembly}</VmafReproToolPath>
              </PropertyGroup>
              <Import Project="{FakeToolFixture.BuildFolder}/VmafTiny.Repro.MSBuild.props" />
              <Import Project="{FakeToolFixture.BuildFolder}/VmafTiny.Repro.MSBuild.targets" />
              <Target Name="Build">
                <MSBuild Projects="$(MSBuildProjectFullPath)" Targets="Build" Properties="TargetFramework=net10.0" Condition="'$(TargetFramework)' == ''" />
                <MSBuild Projects="$(MSBuildProjectFullPath)" Targets="Build" Properties="TargetFramework=net9.0" Condition="'$(TargetFramework)' == ''" />
              </Target>
            </Project>
            """);

        var r = DotNet.Run(_dir.Path, null, TimeSpan.FromMinutes(3), ["msbuild", "multi.proj", "-nologo", "-nr:false", "-v:m"]);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(1, Calls.Count(c => c.StartsWith("verify", StringComparison.Ordinal)));
        Assert.Equal(1, Count(r.Output, "vmaf-repro gate: passed"));
    }

    [Fact]
    public void GateInputs_ListsEveryInputWithItsContentHash_AndTheMissingExpectedBaseline()
    {
        File.Delete(Baseline);

        var r = DotNet.Run(_dir.Path, null, TimeSpan.FromMinutes(3),
            ["msbuild", "gate.proj", "-nologo", "-nr:false", "-t:VmafReproGateInputs", "-getItem:VmafReproGateInput"]);

        Assert.True(r.ExitCode == 0, r.ToString());
        var items = System.Text.Json.JsonDocument.Parse(r.Output).RootElement.GetProperty("Items").GetProperty("VmafReproGateInput")
            .EnumerateArray().ToDictionary(i => i.GetProperty("Identity").GetString()!, i => i.GetProperty("Exists").GetString());
        Assert.Equal("false", items[Baseline]);
        Assert.Equal("true", items[Config]);
        Assert.Equal("true", items[_tool.ToolAssembly]);
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
