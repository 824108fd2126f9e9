using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.Torch.Fused;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Torch.Tests.Fused;

/// <summary>The fused engine gives the same bits on every SIMD path (its agreement with the sequential engine: EngineEquivalenceTests).</summary>
public sealed class FusedEquivalenceTests(ITestOutputHelper output)
{
    private static readonly LoadedCorpus Netflix = SyntheticCorpus.Generate(SyntheticShape.Netflix, 1500, 3).ToCorpus("netflix-1500");
    private static readonly CorpusSpec Spec = new() { Name = "netflix-1500", Path = "memory" };

    private static EvaluationResult Evaluate(Training.ITrainingEngine engine, Architecture arch, int epochs) =>
        new Evaluator(engine, cache: null, progress: null, "test").Evaluate(Netflix, Spec, arch, TrainingRecipe.Default with { Epochs = epochs }, [0, 1], CancellationToken.None);

    [Fact]
    [Trait("Category", "Slow")]
    public void EverySimdPath_GivesBitIdenticalCellMetrics()
    {
        string Metrics(EvaluationResult r) => string.Join(";", r.PerSeedPerFold.SelectMany(s => s.Value.Select(f =>
            $"{s.Key}/{f.Key}:{f.Value.Plcc:R},{f.Value.Srocc:R},{f.Value.Krocc:R},{f.Value.Rmse:R}")));
        var results = SimdPaths.Supported.Select(p => (p, Metrics(Evaluate(new FusedEngine(2, p), Architecture.Small, 2)))).ToList();
        foreach (var (p, m) in results.Skip(1)) Assert.True(results[0].Item2 == m, $"{p} differs from {results[0].p}");
        output.WriteLine($"paths compared: {string.Join(", ", results.Select(r => r.p))}");
    }
}
