using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation.Scale;

namespace VmafTiny.Repro.Core.Tests.Evaluation.Scale;

/// <summary>--shard I/N, auto (Slurm) and auto/N (Kubernetes).</summary>
public sealed class ShardSpecTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("4/4", 4, 4)]
    public void Explicit_IN_IsOneBased(string text, int index, int count) =>
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text, Env()));

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    [InlineData("1/2/3")]
    [InlineData("-1/2")]
    [InlineData("/2")]
    [InlineData("")]
    [InlineData("1/10001")]
    [InlineData("auto/0")]
    public void BadSpecs_AreUsageErrors_VMR7001(string text)
    {
        var e = Assert.Throws<ReproException>(() => ShardSpec.Parse(text, Env()));

        Assert.Equal("VMR7001", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
    }

    [Theory]
    [InlineData("1", "1", "3", 1)]
    [InlineData("3", "1", "3", 3)]
    [InlineData("0", "0", "3", 1)]
    [InlineData("7", "5", "3", 3)]
    public void Auto_InASlurmArray_IsTheTasksPositionInTheArray(string id, string min, string count, int index) =>
        Assert.Equal(new ShardSpec(index, 3),
            ShardSpec.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", id), ("SLURM_ARRAY_TASK_MIN", min), ("SLURM_ARRAY_TASK_COUNT", count))));

    [Fact]
    public void Auto_InASlurmArrayWithAStep_CountsTasksNotIds() =>
        Assert.Equal(new ShardSpec(2, 3),
            ShardSpec.Parse("auto", Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "3"), ("SLURM_ARRAY_TASK_STEP", "2"))));

    [Theory]
    [InlineData("0", 1)]
    [InlineData("3", 4)]
    public void AutoN_InAKubernetesIndexedJob_IsTheZeroBasedCompletionIndexPlusOne(string index, int shard) =>
        Assert.Equal(new ShardSpec(shard, 4), ShardSpec.Parse("auto/4", Env(("JOB_COMPLETION_INDEX", index))));

    public static TheoryData<string, (string, string)[]> BadEnvironments => new()
    {
        { "auto", [] },
        { "auto/3", [] },
        { "auto", [("JOB_COMPLETION_INDEX", "0")] },
        { "auto/3", [("JOB_COMPLETION_INDEX", "3")] },
        { "auto/3", [("JOB_COMPLETION_INDEX", "x")] },
        { "auto/4", [("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "3")] },
        { "auto", [("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "1")] },
        { "auto", [("SLURM_ARRAY_TASK_ID", "9"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "3")] },
        { "auto", [("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "3"), ("SLURM_ARRAY_TASK_STEP", "2")] },
    };

    [Theory]
    [MemberData(nameof(BadEnvironments))]
    public void Auto_WithoutAConsistentSchedulerEnvironment_IsVMR7002(string text, (string, string)[] variables)
    {
        var e = Assert.Throws<ReproException>(() => ShardSpec.Parse(text, Env(variables)));

        Assert.Equal("VMR7002", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
    }
}
