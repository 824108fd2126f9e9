using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.TestSupport;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Core.Tests.Evaluation;

/// <summary>Fold inputs are prepared and trained a chunk of folds at a time, so memory stays O(rows) (issue 15).</summary>
public sealed class PreparedInputChunkTests
{
    private static readonly LoadedCorpus Nf = SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1).ToCorpus("nf");
    private static readonly CorpusSpec Spec = new() { Name = "nf", Path = "nf.parquet" };
    private static readonly Architecture Tiny = new("tiny", [4]);
    private static readonly TrainingRecipe Recipe = TrainingRecipe.Default with { Epochs = 3 };

    /// <summary>The fake engine, recording the folds of each call to Train.</summary>
    private sealed class CallRecorder : ITrainingEngine
    {
        private readonly FakeTrainingEngine _inner = new();
        public List<string[]> FoldsPerCall { get; } = [];
        public string Name => _inner.Name;
        public string Version => _inner.Version;
        public string Backend => _inner.Backend;
        public (int IntraOpThreads, int Parallelism) Threads => _inner.Threads;

        public void Train(IReadOnlyList<TrainingJob> jobs, Action<TrainingOutcome> completed, CancellationToken cancellationToken)
        {
            FoldsPerCall.Add(jobs.Select(j => j.Fold).Distinct().ToArray());
            _inner.Train(jobs, completed, cancellationToken);
        }
    }

    private static EvaluationResult Evaluate(ITrainingEngine engine, long chunkBytes) =>
        new Evaluator(engine, cache: null, progress: null, "test") { PreparedChunkBytes = chunkBytes }
            .Evaluate(Nf, Spec, Tiny, Recipe, [0, 1], CancellationToken.None);

    [Fact]
    public void Evaluate_HandsTheEngineOneChunkOfFoldsAtATime_WhenAllFoldsExceedTheChunkBudget()
    {
        var folds = FoldPlan.Create(Nf);
        var oneFold = FoldPlan.PreparedInputBytes([folds[0]], Nf.FeatureCount);
        var engine = new CallRecorder();

        Evaluate(engine, chunkBytes: 2 * oneFold + oneFold / 2);

        Assert.True(engine.FoldsPerCall.Count >= 4, $"{engine.FoldsPerCall.Count} calls");
        Assert.All(engine.FoldsPerCall, f => Assert.InRange(f.Length, 1, 3));
        var all = engine.FoldsPerCall.SelectMany(f => f).ToList();
        Assert.Equal(folds.Select(f => f.HeldOut).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_GivesTheSameResult_ChunkedOrAllAtOnce()
    {
        var chunked = Evaluate(new CallRecorder(), chunkBytes: 1);
        var whole = Evaluate(new CallRecorder(), chunkBytes: long.MaxValue);

        Assert.Equal(Cells(whole), Cells(chunked));
    }

    [Fact]
    public void Chunks_CoverEveryFoldOnceInOrder_WithAtLeastOneFoldPerChunk()
    {
        var folds = FoldPlan.Create(Nf);

        var tiny = PreparedInputBudget.Chunks(folds, Nf.FeatureCount, chunkBytes: 1);
        var all = PreparedInputBudget.Chunks(folds, Nf.FeatureCount, chunkBytes: long.MaxValue);

        Assert.Equal(folds.Count, tiny.Count);
        Assert.Equal(folds, tiny.SelectMany(c => c));
        Assert.Single(all);
        Assert.Equal(folds, all[0]);
    }

    private static string Cells(EvaluationResult r)
    {
        foreach (var folds in r.PerSeedPerFold.Values)
            foreach (var cell in folds.Values) cell.WallSeconds = 0;
        r.Provenance = null;
        return ResultJson.Serialize(r);
    }
}
