using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Evaluation;

namespace VmafTiny.Repro.Cli.Tests.Commands;

public sealed class ComparabilityTests
{
    [Fact]
    public void Verify_ReportsNotComparable_WhenEpochsChangedAfterApproval()
    {
        using var repo = TempRepo.FromTemplate();
        repo.WriteConfig(RepoConfig.Small() with { Epochs = 2 });
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "2", "--diagnostics", "msbuild");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("not comparable", result.Output);
        Assert.Contains("recipe differs (baseline vs fresh: epochs 3 vs 2)", result.Output);
        Assert.Contains("error VMR1003: nf/tiny is not comparable with its baseline", result.Output);
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
    }

    [Fact]
    public void Verify_ReportsNotComparable_WhenTheCorpusFingerprintDiffers()
    {
        using var repo = TempRepo.FromTemplate();
        Workspace.GenerateSynthetic(new SyntheticCorpusSettings("netflix", 400, 2), repo.CorpusPath); // same shape and size, other data

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "2");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("not comparable", result.Output);
        Assert.Contains("corpus sha256 differs", result.Output);
    }

    [Fact]
    public void Verify_ComparesAndPasses_APythonReferenceFormatBaseline()
    {
        using var repo = TempRepo.FromTemplate();
        var python = ResultEdits.ToPythonReference(TempRepo.ReadJson(repo.BaselinePath("tiny")));
        Assert.Null(python["schema_version"]);
        Assert.Null(python["per_seed_per_fold"]!["0"]!["Tennis"]!["krocc"]);
        TempRepo.WriteJson(repo.BaselinePath("tiny"), python);

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains(" tiny ", StringComparison.Ordinal));
        Assert.Contains("pass", row);
        Assert.Contains("0.000000", row); // PLCC compared: Δ is exactly zero
        Assert.Contains("not compared: krocc", row); // the Python tool does not write KROCC
        Assert.Contains("gate passed", result.Output);
    }

    [Fact]
    public void Verify_ReportsStaleBaseline_WhenAnArchitectureIsRemovedFromTheConfiguration()
    {
        using var repo = TempRepo.FromTemplate();
        repo.WriteConfig(RepoConfig.Small() with { Architectures = new Dictionary<string, int[]> { ["tiny"] = [4] } });

        var result = CliHost.Run(repo, "verify", "--threads", "1", "--diagnostics", "msbuild");

        Assert.True(result.ExitCode == 0, result.ToString()); // a stale baseline is a warning
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains(" small ", StringComparison.Ordinal) && l.Contains('│'));
        Assert.Contains("stale baseline", row);
        Assert.Contains($"{repo.BaselinePath("small")}(1,1): warning VMR1005: nf/small has a baseline but is not configured", result.Output);
        Assert.True(File.Exists(repo.BaselinePath("small"))); // reported, never deleted
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Verify_WarnsVMR1008NamingFileAndField_AndStillPasses_WhenTheBaselineOverallWasEditedByHand(bool msbuild)
    {
        using var repo = TempRepo.FromTemplate();
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        baseline["overall"]!["mean_plcc"] = 0.99999;
        TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);

        var result = CliHost.Run(repo, ["verify", "--threads", "1", .. msbuild ? new[] { "--diagnostics", "msbuild" } : []]);

        Assert.True(result.ExitCode == 0, result.ToString()); // judged from the cells: unchanged
        var line = Assert.Single(result.Output.Split('\n'), l => l.Contains("VMR1008", StringComparison.Ordinal));
        Assert.StartsWith($"{repo.BaselinePath("tiny")}(1,1): warning VMR1008: nf/tiny: the baseline's stored aggregates disagree with its cells: overall.mean_plcc = 0.99999 (the cells give 0.", line);
        Assert.Contains("gate passed", result.Output);
    }

    [Fact]
    public void Verify_ListsAnOrphanReceivedFile()
    {
        using var repo = TempRepo.FromTemplate();
        var orphan = Path.Combine(repo.BaselinesDir, "gone-corpus", "tiny.received.json");
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        File.Copy(repo.RunPath("tiny"), orphan);

        var result = CliHost.Run(repo, "verify", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"orphan received file (matches no configured pair): {orphan}", result.Output);
    }
}
