using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Torch.Tests;

[Trait("Category", "Slow")]
public sealed class TrainingTraceTests
{
    [Theory]
    [InlineData("mlp_small")]
    [InlineData("mlp_large")]
    public void TrainOne_ReproducesReferenceStepLossesAndWeights_ToFloat32Precision(string arch)
    {
        var trace = TestVectors.Load("training_trace.json");
        var c = trace["cases"]!.Single(x => (string)x["arch"]! == arch);
        var rows = trace["x"]!.Select(r => r.Select(v => (double)v).ToArray()).ToArray();
        var n = rows.Length;
        var features = rows.SelectMany(r => r).ToArray();
        var target = trace["y"]!.Select(v => (double)v).ToArray();
        var all = Enumerable.Range(0, n).ToArray();
        var recipe = TrainingRecipe.Default with { Epochs = (int)c["epochs"]!, BatchSize = (int)c["batch_size"]!, LearningRate = (double)c["lr"]! };
        var (mean, std) = Standardizer.Fit(features, 6, all, recipe.StdGuard);
        var x = Standardizer.Apply(features, 6, all, mean, std);
        var job = new TrainingJob(Architecture.Known.Single(a => a.Name == arch), recipe, (int)c["seed"]!, "all", 6,
            x, Standardizer.Targets(target, all), x);
        TorchRuntime.UseThreads(1);

        var losses = new List<float>();
        var outcome = SequentialTorchEngine.TrainOne(job, CancellationToken.None, losses)!;

        var expected = c["step_losses"]!.Select(v => (double)v).ToArray();
        Assert.Equal(expected.Length, losses.Count);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - losses[i]) <= 1e-6 * Math.Abs(expected[i]),
                $"step {i}: expected {expected[i]:R}, got {losses[i]:R}");
        var head = c["final_pred_head"]!.Select(v => (double)v).ToArray();
        for (var i = 0; i < head.Length; i++)
            Assert.True(Math.Abs(head[i] - outcome.Predictions[i]) <= 1e-5 * Math.Max(1, Math.Abs(head[i])),
                $"prediction {i}: expected {head[i]:R}, got {outcome.Predictions[i]:R}");
        Assert.False(outcome.Diverged);
    }
}
