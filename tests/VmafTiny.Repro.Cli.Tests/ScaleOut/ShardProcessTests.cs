using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Cli.Tests.Reliability;

namespace VmafTiny.Repro.Cli.Tests.ScaleOut;

/// <summary>
/// The built tool with a real engine: 3 shards as separate processes with separate cache folders,
/// each exported, all imported into a fresh cache, verified there with nothing to train, give the
/// result JSON of a single-process run bit for bit (every metric and aggregate).
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ShardProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    // The sequential engine is left out: two unsharded runs of it already differ in the last bits
    // of some cells (README, "Running the grid on many machines").
    [Theory]
    [InlineData("fused")]
    [InlineData("batched")]
    public void ThreeShardProcesses_Merged_EqualOneProcess_BitForBit(string engine)
    {
        using var merge = TempRepo.Create();
        var archives = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            using var shard = TempRepo.Create();
            var trained = ToolProcess.Run(shard.Root, Timeout, "verify", "--engine", engine, "--shard", $"{i}/3");
            Assert.True(trained.ExitCode == 0, $"shard {i}: {trained.Output}{trained.Errors}");
            Assert.Contains($"shard {i}/3: ", trained.Output);
            var archive = Path.Combine(merge.Root, $"shard-{i}.tar");
            var export = ToolProcess.Run(shard.Root, Timeout, "cache", "export", archive);
            Assert.True(export.ExitCode == 0, export.Output + export.Errors);
            archives.Add(archive);
        }

        var import = ToolProcess.Run(merge.Root, Timeout, ["cache", "import", .. archives]);
        var merged = ToolProcess.Run(merge.Root, Timeout, "verify", "--engine", engine, "--from-shards", "3");
        using var single = TempRepo.Create();
        var unsharded = ToolProcess.Run(single.Root, Timeout, "verify", "--engine", engine);

        Assert.True(import.ExitCode == 0, import.Output + import.Errors);
        Assert.Contains("imported 36 training cells from 3 archives", import.Output);
        // No baselines in either repository: both write received files and exit 3, judging the same numbers.
        Assert.True(merged.ExitCode == 3, merged.Output + merged.Errors);
        Assert.True(unsharded.ExitCode == 3, unsharded.Output + unsharded.Errors);
        Assert.Contains("nf/tiny: 18 trainings, 18 from cache", merged.Output);
        Assert.Contains("nf/small: 18 trainings, 18 from cache", merged.Output);
        foreach (var arch in new[] { "tiny", "small" })
            Assert.Equal(ResultJsons.Metrics(single.RunPath(arch)), ResultJsons.Metrics(merge.RunPath(arch)));
    }
}
