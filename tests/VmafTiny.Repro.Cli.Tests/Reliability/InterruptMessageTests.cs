using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>What an interrupted run says about resuming: only a cached run can resume.</summary>
public sealed class InterruptMessageTests
{
    /// <summary>An engine interrupted at its first training, as Ctrl-C or SIGTERM do.</summary>
    private sealed class InterruptedEngine : ITrainingEngine
    {
        public string Name => "interrupted";
        public string Version => "1";
        public string Backend => "none (test double)";
        public (int IntraOpThreads, int Parallelism) Threads => (1, 1);
        public void Train(IReadOnlyList<TrainingJob> jobs, Action<TrainingOutcome> completed, CancellationToken cancellationToken) =>
            throw new OperationCanceledException();
    }

    private static CliResult Verify(TempRepo repo, params string[] extra) =>
        CliHost.Run(repo.Root, null, _ => new InterruptedEngine(), ["verify", .. extra]);

    [Fact]
    public void Interrupted_SaysTheCacheKeepsFinishedTrainings_WhenTheCacheIsOn()
    {
        using var repo = TempRepo.Create();

        var result = Verify(repo);

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Contains("finished trainings are kept in runs/cache; run the same command again to resume", result.Errors);
    }

    [Fact]
    public void Interrupted_SaysNothingWasKept_WithNoCache()
    {
        using var repo = TempRepo.Create();

        var result = Verify(repo, "--no-cache");

        Assert.Equal(ExitCodes.Interrupted, result.ExitCode);
        Assert.Contains("nothing was kept (--no-cache)", result.Errors);
        Assert.DoesNotContain("kept in runs/cache", result.Errors);
    }
}
