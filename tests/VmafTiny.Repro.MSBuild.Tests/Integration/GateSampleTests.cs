namespace VmafTiny.Repro.MSBuild.Tests.Integration;

/// <summary>
/// The real packages, installed into an isolated copy of samples/GateSample, built out of process
/// with <c>dotnet build</c> (the sample sets VmafReproRunOnBuild=true).
/// </summary>
[Trait("Category", "Integration")]
[Collection(PackagesCollection.Name)]
[Trait("Category", "Slow")]
public sealed class GateSampleTests(PackagesFixture packages)
{
    [Fact]
    public void Build_Passes_OnApprovedBaseline_AndSkipsTheGate_WhenNothingChanged()
    {
        using var sample = new GateSampleWorkspace(packages);

        var first = sample.Build();
        var second = sample.Build();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("vmaf-repro gate: passed", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("vmaf-repro gate: up to date, skipped", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("vmaf-repro gate: passed", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FailsWithVMR1001OnTheBaselineFile_WhenBaselinePlccIsRaised()
    {
        using var sample = new GateSampleWorkspace(packages);
        Assert.Equal(0, sample.Build().ExitCode);
        sample.TamperBaseline(0.02);

        var r = sample.Build();

        Assert.True(r.ExitCode != 0, r.ToString());
        Assert.Contains($"{sample.Baseline}(1,1): error VMR1001: ", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("VMR9101", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ApprovesAndPasses_WhenApprovePropertyIsSet_ThenPassesWithoutIt()
    {
        using var sample = new GateSampleWorkspace(packages);
        sample.TamperBaseline(0.02);

        var approved = sample.Build("VmafReproApprove=true", "VmafReproApproveReason=integration test approves");
        var after = sample.Build();

        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.Contains($"{sample.Baseline}(1,1): warning VMR1001: approved: ", approved.Output, StringComparison.Ordinal);
        Assert.Contains("integration test approves", File.ReadAllText(sample.Baseline), StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("error VMR", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SucceedsWithWarningVMR1001_WhenWarnOnly()
    {
        using var sample = new GateSampleWorkspace(packages);
        sample.TamperBaseline(0.02);

        var r = sample.Build("VmafReproWarnOnly=true");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"{sample.Baseline}(1,1): warning VMR1001: ", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error VMR", r.Output, StringComparison.Ordinal);
    }

    // Issue 16 case 1, with the real tool: a deleted baseline is a missing baseline (VMR1004), not "up to date".
    [Fact]
    [Trait("Category", "Slow")]
    public void Build_FailsWithVMR1004_WhenTheBaselineIsDeletedAfterAPass()
    {
        using var sample = new GateSampleWorkspace(packages);
        Assert.Equal(0, sample.Build().ExitCode);
        File.Delete(sample.Baseline);

        var r = sample.Build();

        Assert.True(r.ExitCode != 0, r.ToString());
        Assert.Contains($"{sample.Baseline}(1,1): error VMR1004: ", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("up to date, skipped", r.Output, StringComparison.Ordinal);
    }

    // Issue 16 case 3, with the real host: an unrestored tool is VMR9105, once, even with VmafReproWarnOnly.
    [Fact]
    [Trait("Category", "Slow")]
    public void Build_FailsWithVMR9105Once_WhenTheToolIsNotRestored_EvenWithWarnOnly()
    {
        using var sample = new GateSampleWorkspace(packages);
        foreach (var manifest in new[] { Path.Combine(sample.Dir, ".config", "dotnet-tools.json"), Path.Combine(sample.Dir, "dotnet-tools.json") })
            if (File.Exists(manifest)) File.Delete(manifest);

        var r = sample.Build("VmafReproWarnOnly=true");

        Assert.True(r.ExitCode != 0, r.ToString());
        // dotnet build repeats every error in its summary after "Build FAILED."; count the build's own lines.
        var log = r.Output.Split("Build FAILED.")[0];
        Assert.Single(log.Split('\n'), l => l.Contains("error VMR9105", StringComparison.Ordinal));
        Assert.DoesNotContain("vmaf-repro gate: passed", r.Output, StringComparison.Ordinal);
    }
}
