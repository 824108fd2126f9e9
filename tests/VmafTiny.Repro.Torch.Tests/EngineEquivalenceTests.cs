using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.Torch.Fused;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Torch.Tests;

/// <summary>
/// The fast engines are usable only because they give the sequential (reference) engine's numbers:
/// every (fold, seed) cell of a Netflix-shaped evaluation agrees within float32 drift.
/// </summary>
public sealed class EngineEquivalenceTests(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("batched")]
    [InlineData("fused")]
    public void Engine_MatchesSequentialEngine_OnEveryFoldAndSeed_OfASyntheticNetflixCorpus(string engine)
    {
        var corpus = SyntheticCorpus.Generate(SyntheticShape.Netflix, 1500, 3).ToCorpus("netflix-1500");
        var spec = new CorpusSpec { Name = corpus.Name, Path = "memory" };
        var recipe = TrainingRecipe.Default with { Epochs = 8 };
        int[] seeds = [0, 1];
        EvaluationResult Evaluate(Training.ITrainingEngine e) =>
            new Evaluator(e, cache: null, progress: null, "test").Evaluate(corpus, spec, Architecture.Medium, recipe, seeds, CancellationToken.None);

        var sequential = Evaluate(new SequentialTorchEngine(2));
        var other = Evaluate(engine == "fused" ? new FusedEngine(2) : new BatchedTorchEngine(2));

        var worst = 0.0;
        foreach (var seed in sequential.PerSeedPerFold.Keys)
            foreach (var fold in sequential.Sources)
            {
                var s = sequential.PerSeedPerFold[seed][fold];
                var b = other.PerSeedPerFold[seed][fold];
                Assert.Equal(s.N, b.N);
                worst = Math.Max(worst, Math.Abs(s.Plcc - b.Plcc));
                Assert.True(Math.Abs(s.Rmse - b.Rmse) <= 1e-3 * Math.Max(1, s.Rmse), $"seed {seed} {fold}: RMSE {s.Rmse} vs {b.Rmse}");
                Assert.True(Math.Abs(s.Srocc - b.Srocc) <= 1e-4, $"seed {seed} {fold}: SROCC {s.Srocc} vs {b.Srocc}");
            }
        output.WriteLine($"{engine}: max |ΔPLCC| over {seeds.Length * sequential.Sources.Count} cells: {worst:E2}");
        Assert.True(worst <= 1e-5, $"max |ΔPLCC| {worst:E2} exceeds 1e-5");
    }
}
