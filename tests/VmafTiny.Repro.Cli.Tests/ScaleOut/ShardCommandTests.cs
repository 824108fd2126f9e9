using System.Text.RegularExpressions;
using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.ScaleOut;

/// <summary>--shard, --from-shards and cache export/import through the CLI, with the fake engine.</summary>
public sealed partial class ShardCommandTests
{
    [GeneratedRegex(@"^shard (\d+)/(\d+): (\d+) of (\d+) cells, ([\d.]+) % of the estimated cost; trained (\d+), (\d+) already cached", RegexOptions.Multiline)]
    private static partial Regex ShardLine();

    [Fact]
    public void AShard_TrainsOnlyItsShare_PrintsEveryShardsShare_AndJudgesNothing()
    {
        using var repo = TempRepo.Create();

        var result = CliHost.Run(repo, "verify", "--shard", "2/3");

        Assert.True(result.ExitCode == 0, result.ToString());
        var m = ShardLine().Match(result.Output);
        Assert.True(m.Success, result.Output);
        var cells = int.Parse(m.Groups[3].Value);
        Assert.Equal("36", m.Groups[4].Value); // 2 archs x 2 seeds x 9 folds
        Assert.Equal(cells, int.Parse(m.Groups[6].Value));
        Assert.InRange(cells, 1, 35);
        foreach (var shard in new[] { "1/3", "2/3 (this job)", "3/3" }) Assert.Contains(shard, result.Output);
        Assert.Equal(cells, TempRepo.FilesUnder(repo.CacheDir).Count);
        Assert.False(File.Exists(repo.RunPath("tiny")));
        Assert.Empty(TempRepo.FilesUnder(repo.BaselinesDir));
        Assert.DoesNotContain("gate", result.Output);
    }

    [Fact]
    public void Plan_PrintsTheSplit_AndTrainsNothing()
    {
        using var repo = TempRepo.Create();

        var result = CliHost.Run(repo, "verify", "--shard", "1/4", "--plan");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("shard 1/4: ", result.Output);
        Assert.Contains("--plan: nothing trained", result.Output);
        Assert.Empty(TempRepo.FilesUnder(repo.CacheDir));
    }

    [Fact]
    public void ShardAuto_InASlurmArrayTask_TakesItsShareFromTheEnvironment()
    {
        using var repo = TempRepo.Create();
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "12", ["SLURM_ARRAY_TASK_MIN"] = "10", ["SLURM_ARRAY_TASK_COUNT"] = "4" };

        var result = CliHost.RunWithEnv(repo, slurm, "verify", "--shard", "auto");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("shard 3/4: ", result.Output);
    }

    [Fact]
    public void ShardAutoN_InAKubernetesIndexedJob_TakesItsIndexFromTheEnvironment()
    {
        using var repo = TempRepo.Create();

        var result = CliHost.RunWithEnv(repo, new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "0" }, "verify", "--shard", "auto/2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("shard 1/2: ", result.Output);
    }

    [Theory]
    [InlineData("VMR7001", "verify", "--shard", "0/3")]
    [InlineData("VMR7001", "run", "--corpus", "nf", "--arch", "tiny", "--shard", "3/2")]
    [InlineData("VMR7002", "calibrate", "--shard", "auto")]
    [InlineData("VMR7003", "verify", "--shard", "1/2", "--no-cache")]
    [InlineData("VMR3100", "verify", "--shard", "1/2", "--from-shards", "2")]
    [InlineData("VMR3100", "verify", "--from-shards", "0")]
    [InlineData("VMR3100", "verify", "--plan")]
    [InlineData("VMR3100", "cache", "import")]
    [InlineData("VMR3100", "verify", "--shard", "1/2", "--report", "md")]
    [InlineData("VMR3100", "run", "--corpus", "nf", "--arch", "tiny", "--shard", "1/2", "--out", "x.json")]
    public void BadShardOptions_AreOneLineUsageErrors(string code, params string[] args)
    {
        using var repo = TempRepo.Create();

        Expect.OneLineError(CliHost.Run(repo, args), 2, code);
        Assert.Empty(TempRepo.FilesUnder(repo.CacheDir));
    }

    [Fact]
    public void RunAndCalibrate_TakeShardsToo()
    {
        using var repo = TempRepo.FromTemplate(withCache: false);

        var run = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--shard", "1/2");
        var calibrate = CliHost.Run(repo, "calibrate", "--reruns", "2", "--shard", "2/2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("shard 1/2: ", run.Output);
        Assert.Contains(" of 18 cells", run.Output); // one pair: 2 seeds x 9 folds
        Assert.True(calibrate.ExitCode == 0, calibrate.ToString());
        Assert.Contains(" of 72 cells", calibrate.Output); // 2 archs x 2 reruns x 2 seeds x 9 folds
        Assert.DoesNotContain("false alarms", calibrate.Output);
    }

    [Fact]
    public void ThreeShards_ExportedAndImported_GiveTheUnshardedVerdictAndResults_TrainingNothingInTheMerge()
    {
        using var merge = TempRepo.FromTemplate(withCache: false);
        using var single = TempRepo.FromTemplate(withCache: false);
        var archives = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            using var shard = TempRepo.Create();
            Assert.Equal(0, CliHost.Run(shard, "verify", "--shard", $"{i}/3").ExitCode);
            var archive = Path.Combine(merge.Root, $"shard-{i}.tar");
            var export = CliHost.Run(shard, "cache", "export", archive);
            Assert.True(export.ExitCode == 0, export.ToString());
            archives.Add($"shard-{i}.tar");
        }

        var import = CliHost.Run(merge, ["cache", "import", .. archives]);
        var merged = CliHost.Run(merge, "verify", "--from-shards", "3");
        var unsharded = CliHost.Run(single, "verify");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("imported 36 training cells from 3 archives", import.Output);
        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Contains("merge of 3 shards: every cell of the grid is in the training cache", merged.Output);
        Assert.Contains("nf/tiny: 18 trainings, 18 from cache", merged.Output);
        Assert.Equal(0, unsharded.ExitCode);
        foreach (var arch in new[] { "tiny", "small" })
            Assert.Equal(ResultJsons.Metrics(single.RunPath(arch)), ResultJsons.Metrics(merge.RunPath(arch)));
    }

    [Fact]
    public void TheMerge_WithAShardMissing_SaysWhichCellsAndShard_AndJudgesNothing()
    {
        using var merge = TempRepo.FromTemplate(withCache: false);
        foreach (var i in new[] { 1, 3 })
        {
            using var shard = TempRepo.Create();
            CliHost.Run(shard, "verify", "--shard", $"{i}/3");
            CliHost.Run(shard, "cache", "export", Path.Combine(merge.Root, $"shard-{i}.tar"));
        }
        Assert.Equal(0, CliHost.Run(merge, "cache", "import", "shard-1.tar", "shard-3.tar").ExitCode);
        File.Delete(merge.RunPath("tiny")); // the template's

        var result = CliHost.Run(merge, "verify", "--from-shards", "3");

        var line = Expect.OneLineError(result, 2, "VMR7020", "(shard 2/3)", "shard 2/3: ");
        Assert.DoesNotContain("shard 1/3", line);
        Assert.False(File.Exists(merge.RunPath("tiny")));
    }

    [Fact]
    public void ImportingATamperedArchive_IsAOneLineError_AndImportsNothing()
    {
        using var shard = TempRepo.Create();
        CliHost.Run(shard, "verify", "--shard", "1/1");
        var archive = Path.Combine(shard.Root, "s.tar");
        CliHost.Run(shard, "cache", "export", archive);
        var bytes = File.ReadAllBytes(archive);
        // The first entry's data starts one 512-byte header after its member name; change one digit of it.
        var data = bytes.AsSpan().IndexOf("cache/"u8) + 512;
        var digit = data + bytes.AsSpan(data).IndexOfAnyInRange((byte)'1', (byte)'8');
        bytes[digit] ^= 1;
        File.WriteAllBytes(archive, bytes);
        using var merge = TempRepo.Create();

        var result = CliHost.Run(merge, "cache", "import", archive);

        Expect.OneLineError(result, 2, "VMR7012", "corrupted");
        Assert.Empty(TempRepo.FilesUnder(merge.CacheDir));
    }
}
