using VmafTiny.Repro.Config;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Evaluation.Scale;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.TestSupport;

namespace VmafTiny.Repro.Core.Tests.Evaluation.Scale;

/// <summary>Shards train only their cells into their own caches; the merge needs every cell and trains nothing.</summary>
public sealed class ShardRunTests : IDisposable
{
    private static readonly LoadedCorpus Nf = SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1).ToCorpus("nf");
    private static readonly CorpusSpec Spec = new() { Name = "nf", Path = "nf.parquet" };
    private static readonly Architecture Tiny = new("tiny", [4]);
    private static readonly Architecture Small = new("small", [8]);
    private static readonly TrainingRecipe Recipe = TrainingRecipe.Default with { Epochs = 3 };
    private static readonly IReadOnlyList<GridPart> Grid = [new(Spec, Nf, Tiny, Recipe, [0, 1]), new(Spec, Nf, Small, Recipe, [0, 1])];
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-shards-");

    public void Dispose() => _dir.Delete(recursive: true);

    private Workspace Workspace(string name, FakeTrainingEngine engine, bool useCache = true)
    {
        var root = Path.Combine(_dir.FullName, name);
        var config = new ReproConfig
        {
            ConfigPath = Path.Combine(root, "vmaf-repro.json"), RootDirectory = root, Seeds = [0, 1], Recipe = Recipe,
            Architectures = [Tiny, Small], Corpora = [Spec], BaselinesDirectory = Path.Combine(root, "baselines"), RunsDirectory = Path.Combine(root, "runs"),
        };
        return new Workspace(config, engine, progress: null, "test", useCache: useCache);
    }

    [Fact]
    public void EachShard_TrainsExactlyItsCells_AndTogetherTheyTrainTheWholeGridOnce()
    {
        var trained = new List<(string Arch, int Seed, string Fold)>();
        for (var i = 1; i <= 3; i++)
        {
            var engine = new FakeTrainingEngine();
            var outcome = ShardRun.Train(Workspace($"shard{i}", engine), Grid, new ShardSpec(i, 3), CancellationToken.None);

            var mine = outcome.Share.Cells.Select(c => (c.Arch, c.Seed, c.Fold)).Order().ToList();
            Assert.Equal(mine, engine.Trained.Select(j => (j.Architecture.Name, j.Seed, j.Fold)).Order().ToList());
            Assert.Equal(mine.Count, outcome.Trained);
            trained.AddRange(mine);
        }

        Assert.Equal(GridPart.CellsOf(Grid).Select(c => (c.Arch, c.Seed, c.Fold)).Order(), trained.Order());
    }

    [Fact]
    public void AShardRunAgain_TrainsNothing_ItsCellsAreCached()
    {
        var workspace = Workspace("again", new FakeTrainingEngine());
        var first = ShardRun.Train(workspace, Grid, new ShardSpec(2, 3), CancellationToken.None);
        var engine = new FakeTrainingEngine();

        var second = ShardRun.Train(Workspace("again", engine), Grid, new ShardSpec(2, 3), CancellationToken.None);

        Assert.Empty(engine.Trained);
        Assert.Equal((0, first.Trained), (second.Trained, second.FromCache));
    }

    [Fact]
    public void AShardWithoutACache_IsRefused_VMR7003()
    {
        var engine = new FakeTrainingEngine();

        var e = Assert.Throws<ReproException>(() => ShardRun.Train(Workspace("nocache", engine, useCache: false), Grid, new ShardSpec(1, 2), CancellationToken.None));

        Assert.Equal("VMR7003", e.Code);
        Assert.Empty(engine.Trained);
    }

    [Fact]
    public void TheMerge_NamesEveryMissingCell_AndTheShardThatMakesIt()
    {
        var merged = Workspace("merge", new FakeTrainingEngine());
        foreach (var i in new[] { 1, 3 })
            ShardRun.Train(Workspace("merge", new FakeTrainingEngine()), Grid, new ShardSpec(i, 3), CancellationToken.None);

        var missing = ShardRun.Missing(merged, Grid, 3);
        var e = Assert.Throws<ReproException>(() => ShardRun.RequireCached(merged, Grid, 3));

        var plan = ShardPlan.Partition(GridPart.CellsOf(Grid), 3);
        Assert.Equal(plan[2].Cells.Select(c => c.Key).Order(StringComparer.Ordinal), missing.Select(m => m.Cell.Key).Order(StringComparer.Ordinal));
        Assert.All(missing, m => Assert.Equal(2, m.Shard));
        Assert.Equal("VMR7020", e.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
        Assert.Contains($"{plan[2].Cells.Count} of 36 cells", e.Message);
        Assert.Contains($"shard 2/3: {plan[2].Cells.Count} cells", e.Message);
        Assert.Contains($"{missing[0].Cell} (shard 2/3)", e.Message);
    }

    [Fact]
    public void AfterEveryShard_TheMergeTrainsNothing_AndEqualsTheUnshardedEvaluation()
    {
        for (var i = 1; i <= 3; i++)
            ShardRun.Train(Workspace("all", new FakeTrainingEngine()), Grid, new ShardSpec(i, 3), CancellationToken.None);
        var engine = new FakeTrainingEngine();
        var merged = Workspace("all", engine);

        ShardRun.RequireCached(merged, Grid, 3);
        var fromShards = merged.Evaluate(Spec, Nf, Small, CancellationToken.None);
        var unsharded = Workspace("single", new FakeTrainingEngine()).Evaluate(Spec, Nf, Small, CancellationToken.None);

        Assert.Empty(engine.Trained);
        Assert.Equal(Results.ResultJson.Serialize(Metrics(unsharded)), Results.ResultJson.Serialize(Metrics(fromShards)));
    }

    // Everything but provenance and wall times (which differ between any two runs).
    private static Results.EvaluationResult Metrics(Results.EvaluationResult r)
    {
        r.Provenance = null;
        foreach (var cell in r.PerSeedPerFold.Values.SelectMany(f => f.Values)) cell.WallSeconds = null;
        return r;
    }
}
