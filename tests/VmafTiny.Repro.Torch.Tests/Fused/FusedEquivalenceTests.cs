using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.Torch.Fused;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Torch.Tests.Fused;

/// <summary>The fused engine gives the reference (sequential) engine's numbers, to float32 drift, and the same bits on every SIMD path.</summary>
public sealed class FusedEquivalenceTests(ITestOutputHelper output)
{
    private static readonly Corpus.Corpus Netflix = SyntheticCorpus.Generate(SyntheticShape.Netflix, 1500, 3).ToCorpus("netflix-1500");
    private static readonly CorpusSpec Spec = new() { Name = "netflix-1500", Path = "memory" };

    private static EvaluationResult Evaluate(Training.ITrainingEngine engine, Architecture arch, int epochs) =>
        new Evaluator(engine, cache: null, progress: null, "test").Evaluate(Netflix, Spec, arch, TrainingRecipe.Default with { Epochs = epochs }, [0, 1], CancellationToken.None);

    [Fact]
    [Trait("Category", "Slow")]
    public void FusedEngine_MatchesSequentialEngine_OnEveryFoldAndSeed_OfASyntheticNetflixCorpus()
    {
        var sequential = Evaluate(new SequentialTorchEngine(2), Architecture.Medium, 8);
        var fused = Evaluate(new FusedEngine(2), Architecture.Medium, 8);

        var worst = 0.0;
        foreach (var seed in sequential.PerSeedPerFold.Keys)
            foreach (var fold in sequential.Sources)
            {
                var s = sequential.PerSeedPerFold[seed][fold];
                var f = fused.PerSeedPerFold[seed][fold];
                Assert.Equal(s.N, f.N);
                worst = Math.Max(worst, Math.Abs(s.Plcc - f.Plcc));
                Assert.True(Math.Abs(s.Rmse - f.Rmse) <= 1e-3 * Math.Max(1, s.Rmse), $"seed {seed} {fold}: RMSE {s.Rmse} vs {f.Rmse}");
            }
        output.WriteLine($"max |ΔPLCC| fused vs sequential over {2 * sequential.Sources.Count} cells: {worst:E2}");
        Assert.True(worst <= 1e-5, $"max |ΔPLCC| {worst:E2} exceeds 1e-5");
    }

    [Fact]
    public void EverySimdPath_GivesBitIdenticalCellMetrics()
    {
        string Metrics(EvaluationResult r) => string.Join(";", r.PerSeedPerFold.SelectMany(s => s.Value.Select(f =>
            $"{s.Key}/{f.Key}:{f.Value.Plcc:R},{f.Value.Srocc:R},{f.Value.Krocc:R},{f.Value.Rmse:R}")));
        var results = SimdPaths.Supported.Select(p => (p, Metrics(Evaluate(new FusedEngine(2, p), Architecture.Small, 2)))).ToList();
        foreach (var (p, m) in results.Skip(1)) Assert.True(results[0].Item2 == m, $"{p} differs from {results[0].p}");
        output.WriteLine($"paths compared: {string.Join(", ", results.Select(r => r.p))}");
    }
}
