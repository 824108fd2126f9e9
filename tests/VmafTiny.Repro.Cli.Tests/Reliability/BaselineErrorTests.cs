using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// Baselines that cannot be used as they are. A recipe or corpus change is a verdict (not
/// comparable, exit 3: see ComparabilityTests); an unreadable baseline is an input error (exit 2).
/// </summary>
public sealed class BaselineErrorTests
{
    [Fact]
    public void Verify_ExitsTwo_SayingUpgrade_WhenTheBaselineHasANewerSchemaVersion()
    {
        using var repo = TempRepo.FromTemplate();
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        baseline["schema_version"] = 99;
        TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "verify", "--threads", "1");

        Expect.OneLineError(result, 2, "VMR3201", "schema_version 99", "written by a newer vmaf-repro", "Upgrade vmaf-repro", repo.BaselinePath("tiny"));
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
    }

    [Fact]
    public void Verify_ExitsTwo_WithLineAndPosition_WhenTheBaselineIsNotValidJson()
    {
        using var repo = TempRepo.FromTemplate();
        var text = File.ReadAllText(repo.BaselinePath("tiny"));
        File.WriteAllText(repo.BaselinePath("tiny"), text[..(text.Length / 2)]); // what a non-atomic writer leaves after a crash

        var result = CliHost.Run(repo, "verify", "--threads", "1");

        Expect.OneLineError(result, 2, "VMR3001", "is not a valid result JSON at line", repo.BaselinePath("tiny"));
    }

    [Fact]
    public void Verify_ReportsNotComparable_WhenTheBaselineHasOtherSeeds()
    {
        using var repo = TempRepo.FromTemplate();
        repo.WriteConfig(RepoConfig.Small() with { Seeds = [0, 2] });

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "1");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("seeds differ (baseline [0,1], fresh [0,2])", result.Output);
    }
}
