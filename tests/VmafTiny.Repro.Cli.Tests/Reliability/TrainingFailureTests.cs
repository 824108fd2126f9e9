using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.TestSupport;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>Trainings that go wrong are verdicts naming the (fold, seed), never a crash nor a pass.</summary>
public sealed class TrainingFailureTests(ITestOutputHelper output)
{
    // A real divergence: TorchSharp training with lr = 1e30.
    [Fact]
    [Trait("Category", "Slow")]
    public void Verify_RegressesNamingFoldAndSeed_WhenTrainingDiverges()
    {
        using var repo = TempRepo.FromTemplate();
        repo.WriteConfig(RepoConfig.Small() with { Lr = 1e30 });
        // A healthy baseline recorded under the same recipe: what a code change that now diverges looks like.
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        baseline["lr"] = 1e30;
        baseline["recipe"]!["lr"] = 1e30;
        baseline["recipe"]!["fingerprint"] = (TrainingRecipe.Default with { Epochs = 3, BatchSize = 64, LearningRate = 1e30 }).Fingerprint;
        TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);

        var result = CliHost.RunReal(repo, "verify", "--arch", "tiny", "--threads", "2", "--diagnostics", "msbuild");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        Expect.NoStackTrace(result.All);
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains("REGRESSED", StringComparison.Ordinal));
        Assert.Matches(@"fold \w+, seed [01]: diverged \(training loss became NaN/Inf\)", row);
        Assert.Contains("error VMR1002: nf/tiny: fold ", result.Output);
        Assert.Contains("DIVERGED", result.Output); // the progress line of each diverged training
        var received = TempRepo.ReadJson(repo.ReceivedPath("tiny"));
        var cells = received["per_seed_per_fold"]!.Children<JProperty>().SelectMany(s => s.Value.Children<JProperty>()).Select(f => f.Value).ToList();
        Assert.Contains(cells, c => (bool?)c["diverged"] == true && ((string?)c["note"])!.StartsWith("training diverged", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_RegressesNamingFoldAndSeed_WhenTheEngineReportsADivergedTraining()
    {
        using var repo = TempRepo.FromTemplate();
        var engine = new FakeTrainingEngine("fake-fused", job => job.Fold == "Tennis" && job.Seed == 1);

        var result = CliHost.Run(repo.Root, null, _ => engine, "verify", "--arch", "tiny", "--no-cache", "--diagnostics", "msbuild");

        Assert.True(result.ExitCode == 1, result.ToString());
        Expect.NoStackTrace(result.All);
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains("REGRESSED", StringComparison.Ordinal));
        Assert.Contains("fold Tennis, seed 1: diverged (training loss became NaN/Inf)", row);
        Assert.Contains("error VMR1002: nf/tiny: fold Tennis, seed 1", result.Output);
        var cell = TempRepo.ReadJson(repo.ReceivedPath("tiny"))["per_seed_per_fold"]!["1"]!["Tennis"]!;
        Assert.True((bool)cell["diverged"]!);
        Assert.StartsWith("training diverged", (string?)cell["note"], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SaysPlccIsUndefined_WhenTheHeldOutTargetIsConstant()
    {
        using var repo = ConstantTennisTarget();

        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--threads", "2");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("note: fold Tennis, seed 0, 1: target is constant on this fold: PLCC/SROCC/KROCC undefined", result.Output);
        var cell = TempRepo.ReadJson(repo.RunPath("tiny"))["per_seed_per_fold"]!["0"]!["Tennis"]!;
        Assert.True(double.IsNaN((double)cell["plcc"]!));
        Assert.Equal("target is constant on this fold: PLCC/SROCC/KROCC undefined", (string?)cell["note"]);
    }

    [Fact]
    public void Verify_RegressesWithTheCellNote_WhenPlccBecomesUndefined()
    {
        using var repo = ConstantTennisTarget();
        Assert.Equal(0, CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--threads", "2").ExitCode);
        // The baseline had a defined PLCC on Tennis; the fresh run has none.
        var baseline = TempRepo.ReadJson(repo.RunPath("tiny"));
        foreach (var seed in new[] { "0", "1" })
            foreach (var metric in new[] { "plcc", "srocc", "krocc" })
                ResultEdits.SetCell(baseline, seed, "Tennis", metric, 0.5);
        TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "2");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 1, result.ToString());
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains("REGRESSED", StringComparison.Ordinal));
        Assert.Contains("fold Tennis, seed 0: plcc, srocc, krocc not finite (target is constant on this fold: PLCC/SROCC/KROCC undefined)", row);
    }

    [Fact]
    public void Verify_SaysPlccWasNotCompared_WhenItIsUndefinedOnBothSides()
    {
        using var repo = ConstantTennisTarget();
        Assert.Equal(0, CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--threads", "2").ExitCode);
        TempRepo.WriteJson(repo.BaselinePath("tiny"), TempRepo.ReadJson(repo.RunPath("tiny")));

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "2");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains(" tiny ", StringComparison.Ordinal) && l.Contains('│'));
        Assert.Contains("pass", row);
        Assert.Contains("not compared: plcc, srocc, krocc (undefined in some cell", row);
    }

    // The standard corpus with every Tennis row's VMAF set to 50: that fold's held-out target is constant.
    private static TempRepo ConstantTennisTarget()
    {
        var repo = TempRepo.FromTemplate(withBaselines: false, withCache: false);
        Directory.CreateDirectory(repo.BaselinesDir);
        var data = SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1);
        for (var i = 0; i < data.Rows; i++)
            if (data.Groups[i] == "Tennis") data.Target[i] = 50;
        SyntheticCorpus.WriteParquet(data, repo.CorpusPath);
        return repo;
    }
}
