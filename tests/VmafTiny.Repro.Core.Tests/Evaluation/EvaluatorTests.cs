using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.TestSupport;

namespace VmafTiny.Repro.Core.Tests.Evaluation;

/// <summary>The evaluation around the engine (grid, cache, scoring, aggregates, provenance), with the fake engine.</summary>
public sealed class EvaluatorTests : IDisposable
{
    private static readonly LoadedCorpus Nf = SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1).ToCorpus("nf");
    private static readonly CorpusSpec Spec = new() { Name = "nf", Path = "nf.parquet" };
    private static readonly Architecture Tiny = new("tiny", [4]);
    private static readonly TrainingRecipe Recipe = TrainingRecipe.Default with { Epochs = 3 };
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-evaluator-");

    public void Dispose() => _dir.Delete(recursive: true);

    private EvaluationResult Evaluate(FakeTrainingEngine engine, ResultCache? cache, IReadOnlyList<int>? seeds = null) =>
        new Evaluator(engine, cache, progress: null, "test").Evaluate(Nf, Spec, Tiny, Recipe, seeds ?? [0, 1], CancellationToken.None);

    [Fact]
    public void Evaluate_TrainsEveryFoldOfEverySeed_AndScoresEachOnItsHeldOutRows()
    {
        var engine = new FakeTrainingEngine();

        var result = Evaluate(engine, cache: null);

        Assert.Equal(2 * 9, engine.Trained.Count);
        Assert.Equal(9, result.NFolds);
        Assert.Equal(["0", "1"], result.PerSeedPerFold.Keys);
        foreach (var fold in result.Sources)
        {
            var held = Nf.Fingerprint.RowsPerGroup[fold];
            Assert.All(result.PerSeedPerFold.Values, folds => Assert.Equal(held, folds[fold].N));
            Assert.All(result.PerSeedPerFold.Values, folds => Assert.InRange(folds[fold].Plcc, 0.3, 1.0));
        }
        Assert.Equal("fake", result.Provenance!.Engine);
        Assert.Equal(0, result.Provenance.TrainingsFromCache);
    }

    [Fact]
    public void Evaluate_StoresTheAggregatesOfItsOwnCells()
    {
        var result = Evaluate(new FakeTrainingEngine(), cache: null);
        var stored = ResultJson.Serialize(result);

        Aggregator.Recompute(result);

        Assert.Equal(stored, ResultJson.Serialize(result));
    }

    [Fact]
    public void Evaluate_TrainsNothing_AndGivesTheSameCells_WhenEverythingIsCached()
    {
        var cache = new ResultCache(_dir.FullName);
        var first = Evaluate(new FakeTrainingEngine(), cache);
        var again = new FakeTrainingEngine();

        var second = Evaluate(again, cache);

        Assert.Empty(again.Trained);
        Assert.Equal(18, second.Provenance!.TrainingsFromCache);
        Assert.Equal(ResultJson.Serialize(first).Split("\"provenance\"")[0], ResultJson.Serialize(second).Split("\"provenance\"")[0]);
    }

    [Fact]
    public void Evaluate_TrainsOnlyTheNewSeed_WhenTheOthersAreCached()
    {
        var cache = new ResultCache(_dir.FullName);
        Evaluate(new FakeTrainingEngine(), cache, [0, 1]);
        var engine = new FakeTrainingEngine();

        var result = Evaluate(engine, cache, [0, 1, 2]);

        Assert.Equal(9, engine.Trained.Count);
        Assert.All(engine.Trained, j => Assert.Equal(2, j.Seed));
        Assert.Equal(18, result.Provenance!.TrainingsFromCache);
    }

    [Fact]
    public void Evaluate_RetrainsACell_WhoseCacheEntryIsCorrupt()
    {
        var cache = new ResultCache(_dir.FullName);
        Evaluate(new FakeTrainingEngine(), cache);
        var entry = Directory.GetFiles(_dir.FullName, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(entry, "{ not json");
        var engine = new FakeTrainingEngine();

        var result = Evaluate(engine, cache);

        Assert.Single(engine.Trained);
        Assert.Equal(17, result.Provenance!.TrainingsFromCache);
    }

    [Fact]
    public void Evaluate_DoesNotReuseTheCache_OfAnotherEngine()
    {
        var cache = new ResultCache(_dir.FullName);
        Evaluate(new FakeTrainingEngine("fake-a"), cache);
        var other = new FakeTrainingEngine("fake-b");

        Evaluate(other, cache);

        Assert.Equal(18, other.Trained.Count);
    }

    [Fact]
    public void Evaluate_MarksADivergedTraining_AsANaNCellWithANote()
    {
        var engine = new FakeTrainingEngine(diverges: j => j.Seed == 1 && j.Fold == "Tennis");

        var cell = Evaluate(engine, cache: null).PerSeedPerFold["1"]["Tennis"];

        Assert.True(cell.Diverged);
        Assert.True(double.IsNaN(cell.Plcc));
        Assert.StartsWith("training diverged", cell.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Stops_WhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new Evaluator(new FakeTrainingEngine(), null, null, "test").Evaluate(Nf, Spec, Tiny, Recipe, [0], cancel.Token));
    }
}
