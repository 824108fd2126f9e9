using VmafTiny.Repro.Metrics;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Torch.Tests;

[Trait("Category", "Slow")]
public sealed class BatchedEngineTests
{
    /// <summary>Two "folds" of different sizes (so one runs out of batches first, with a short last batch) x two seeds.</summary>
    private static List<TrainingJob> Jobs(Architecture arch, int epochs)
    {
        var rng = new System.Random(5);
        TrainingJob Make(int seed, string fold, int rows, float[] x, float[] y, float[] tx) =>
            new(arch, TrainingRecipe.Default with { Epochs = epochs }, seed, fold, 6, x, y, tx);
        (float[] X, float[] Y, float[] TestX) Data(int rows)
        {
            var x = new float[rows * 6];
            var y = new float[rows];
            for (var i = 0; i < rows; i++)
            {
                double s = 0;
                for (var j = 0; j < 6; j++) { x[i * 6 + j] = (float)(rng.NextDouble() * 2 - 1); s += x[i * 6 + j] * (j + 1) * 0.3; }
                y[i] = (float)(50 + 30 * Math.Tanh(s));
            }
            var tx = new float[40 * 6];
            for (var i = 0; i < tx.Length; i++) tx[i] = (float)(rng.NextDouble() * 2 - 1);
            return (x, y, tx);
        }
        var a = Data(700);
        var b = Data(530);
        return [Make(0, "a", 700, a.X, a.Y, a.TestX), Make(1, "a", 700, a.X, a.Y, a.TestX),
                Make(0, "b", 530, b.X, b.Y, b.TestX), Make(3, "b", 530, b.X, b.Y, b.TestX)];
    }

    private static Dictionary<(int, string), TrainingOutcome> Run(ITrainingEngine engine, List<TrainingJob> jobs)
    {
        var results = new Dictionary<(int, string), TrainingOutcome>();
        engine.Train(jobs, o => { lock (results) results[(o.Job.Seed, o.Job.Fold)] = o; }, CancellationToken.None);
        return results;
    }

    [Theory]
    [InlineData("mlp_small")]
    [InlineData("mlp_large")]
    public void Train_AgreesWithSequentialEngine_WithinFloat32Drift(string arch)
    {
        var jobs = Jobs(Architecture.Known.Single(a => a.Name == arch), epochs: 6);
        var sequential = Run(new SequentialTorchEngine(1), jobs);
        var batched = Run(new BatchedTorchEngine(1), jobs);

        Assert.Equal(sequential.Keys.OrderBy(k => k), batched.Keys.OrderBy(k => k));
        foreach (var (key, s) in sequential)
        {
            var b = batched[key];
            var maxAbs = s.Predictions.Zip(b.Predictions, (p, q) => Math.Abs(p - q)).Max();
            Assert.True(maxAbs < 1e-3, $"{key}: max |Δprediction| {maxAbs:E3}");
            Assert.True(Math.Abs(s.FinalLoss - b.FinalLoss) <= 1e-4 * Math.Abs(s.FinalLoss), $"{key}: loss {s.FinalLoss} vs {b.FinalLoss}");
            Assert.True(Math.Abs(Correlation.Plcc(s.Predictions, b.Predictions) - 1) < 1e-9);
        }
    }

    [Fact]
    public void Train_ReportsEveryJob_WhenSplitAcrossStacks()
    {
        var jobs = Jobs(Architecture.Small, epochs: 1);
        var outcomes = Run(new BatchedTorchEngine(2), jobs);
        Assert.Equal(4, outcomes.Count);
        Assert.All(outcomes.Values, o => Assert.Equal(40, o.Predictions.Length));
    }

    [Fact]
    public void Train_FlagsDivergence_WhenLossBecomesNonFinite()
    {
        var jobs = Jobs(Architecture.Small, epochs: 2)
            .Select(j => j with { Recipe = j.Recipe with { LearningRate = 1e30 } }).ToList();
        var outcomes = Run(new BatchedTorchEngine(1), jobs);
        Assert.All(outcomes.Values, o => Assert.True(o.Diverged));
        var sequential = Run(new SequentialTorchEngine(1), jobs);
        Assert.All(sequential.Values, o => Assert.True(o.Diverged));
    }
}
