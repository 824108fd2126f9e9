using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Torch.Fused;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Torch.Tests.Fused;

public sealed class FusedEngineTests
{
    [Trait("Category", "Slow")]
    [Theory]
    [MemberData(nameof(FusedTestData.Paths), MemberType = typeof(FusedTestData))]
    public void TrainOne_ReproducesTheReferenceTracesStepLosses_Within1e5Relative(string path)
    {
        var trace = TestVectors.Load("training_trace.json");
        foreach (var c in trace["cases"]!)
        {
            var job = TraceJob(trace, c);
            var losses = new List<float>();
            var outcome = FusedEngine.TrainOne(job, FusedTestData.Path(path), CancellationToken.None, stepLosses: losses)!;

            var expected = c["step_losses"]!.Select(v => (double)v).ToArray();
            Assert.Equal(expected.Length, losses.Count);
            for (var i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i] - losses[i]) <= 1e-5 * Math.Abs(expected[i]),
                    $"{c["arch"]} step {i}: expected {expected[i]:R}, got {losses[i]:R}");
            var head = c["final_pred_head"]!.Select(v => (double)v).ToArray();
            for (var i = 0; i < head.Length; i++)
                Assert.True(Math.Abs(head[i] - outcome.Predictions[i]) <= 1e-4 * Math.Max(1, Math.Abs(head[i])),
                    $"{c["arch"]} prediction {i}: expected {head[i]:R}, got {outcome.Predictions[i]:R}");
            Assert.False(outcome.Diverged);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void EverySimdPath_GivesBitIdenticalPredictionsAndLosses()
    {
        foreach (var arch in new[] { Architecture.Small, Architecture.Large, new Architecture("custom", [5, 3]) })
        {
            var job = FusedTestData.Job(arch, seed: 3);
            var runs = SimdPaths.Supported.Select(p =>
            {
                var losses = new List<float>();
                var outcome = FusedEngine.TrainOne(job, p, CancellationToken.None, stepLosses: losses)!;
                return (Path: p, outcome.Predictions, Losses: losses);
            }).ToList();
            Assert.Contains(runs, r => r.Path == SimdPath.Portable);
            foreach (var r in runs.Skip(1))
            {
                Assert.True(runs[0].Losses.SequenceEqual(r.Losses), $"{arch.Name}: step losses of {r.Path} differ from {runs[0].Path}");
                Assert.True(runs[0].Predictions.SequenceEqual(r.Predictions), $"{arch.Name}: predictions of {r.Path} differ from {runs[0].Path}");
            }
        }
    }

    [Fact]
    public void Results_DoNotDependOnTheThreadCountOrOnWhichModelsRunTogether()
    {
        var jobs = Enumerable.Range(0, 5).Select(s => FusedTestData.Job(s % 2 == 0 ? Architecture.Small : Architecture.Medium, s)).ToList();
        Dictionary<int, double[]> Train(int threads, IReadOnlyList<TrainingJob> subset)
        {
            var results = new Dictionary<int, double[]>();
            new FusedEngine(threads).Train(subset, o => { lock (results) results[o.Job.Seed] = o.Predictions; }, CancellationToken.None);
            return results;
        }

        var one = Train(1, jobs);
        var three = Train(3, jobs);
        var alone = Train(2, [jobs[4]]);
        foreach (var (seed, predictions) in one)
            Assert.True(predictions.SequenceEqual(three[seed]), $"seed {seed}: 1 thread and 3 threads differ");
        Assert.True(one[4].SequenceEqual(alone[4]), "a model trained alone differs from the same model trained among others");
    }

    [Fact]
    public void TrainingLoop_AllocatesNothing()
    {
        var telemetry = new FusedTelemetry();
        var outcomes = new List<TrainingOutcome>();
        new FusedEngine(2, telemetry: telemetry).Train([FusedTestData.Job(Architecture.Large, 0, epochs: 4), FusedTestData.Job(Architecture.Small, 1, epochs: 4)],
            o => { lock (outcomes) outcomes.Add(o); }, CancellationToken.None);

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(2 * 4 * 3, telemetry.Steps); // 700 rows: 3 batches per epoch
        Assert.Equal(0, telemetry.AllocatedBytesInLoops);
    }

    [Fact]
    public void Train_StopsWhenCancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var completed = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new FusedEngine(1).Train([FusedTestData.Job(Architecture.Small, 0)], _ => completed++, cts.Token));
        Assert.Equal(0, completed);
    }

    [Fact]
    public void Backend_NamesTheSimdPathTaken()
    {
        var engine = new FusedEngine(1, SimdPath.Portable);
        Assert.Equal("managed-fused", engine.Name);
        Assert.StartsWith("managed float32, SIMD portable", engine.Backend);
    }

    private static TrainingJob TraceJob(JObject trace, JToken c)
    {
        var rows = trace["x"]!.Select(r => r.Select(v => (double)v).ToArray()).ToArray();
        var features = rows.SelectMany(r => r).ToArray();
        var target = trace["y"]!.Select(v => (double)v).ToArray();
        var all = Enumerable.Range(0, rows.Length).ToArray();
        var recipe = TrainingRecipe.Default with { Epochs = (int)c["epochs"]!, BatchSize = (int)c["batch_size"]!, LearningRate = (double)c["lr"]! };
        var (mean, std) = Standardizer.Fit(features, 6, all, recipe.StdGuard);
        var x = Standardizer.Apply(features, 6, all, mean, std);
        return new TrainingJob(Architecture.Known.Single(a => a.Name == (string)c["arch"]!), recipe, (int)c["seed"]!, "all", 6, x, Standardizer.Targets(target, all), x);
    }
}
