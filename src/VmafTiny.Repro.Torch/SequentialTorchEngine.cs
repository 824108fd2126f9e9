using System.Diagnostics;
using TorchSharp;
using VmafTiny.Repro.Numpy;
using VmafTiny.Repro.Training;
using static TorchSharp.torch;

namespace VmafTiny.Repro.Torch;

/// <summary>
/// The reference engine: one model per training, exactly the recipe's loop (Adam, MSELoss,
/// numpy-compatible permutation per epoch, batches of <c>BatchSize</c>). Trainings run on
/// <see cref="Parallelism"/> threads, each with one intra-op thread.
/// </summary>
public sealed class SequentialTorchEngine : ITrainingEngine
{
    /// <summary>Bumped whenever a change may alter the numbers this engine produces (part of cache keys).</summary>
    public const string EngineVersion = "2";

    public SequentialTorchEngine(int? parallelism = null)
    {
        Parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    public int Parallelism { get; }
    public string Name => "torchsharp-sequential";
    public string Version => EngineVersion;
    public string Backend => TorchRuntime.Backend;
    public (int IntraOpThreads, int Parallelism) Threads => (1, Parallelism);

    public void Train(IReadOnlyList<TrainingJob> jobs, Action<TrainingOutcome> completed, CancellationToken cancellationToken) =>
        TrainingWorkers.Run(jobs, Parallelism, "vmaf-repro-train", job =>
        {
            var outcome = TrainOne(job, cancellationToken);
            if (outcome is null) return false;
            completed(outcome);
            return true;
        }, cancellationToken);

    /// <summary>Trains one job; null when cancelled.</summary>
    internal static TrainingOutcome? TrainOne(TrainingJob job, CancellationToken cancellationToken, List<float>? stepLosses = null)
    {
        var sw = Stopwatch.StartNew();
        using var scope = torch.NewDisposeScope();
        var recipe = job.Recipe;
        var f = job.FeatureCount;
        var n = job.TrainRows;
        var model = MlpFactory.Create(job.Architecture, f, job.Seed);
        using var optimizer = new ReferenceAdam(model.parameters(), recipe.LearningRate, recipe.Beta1, recipe.Beta2, recipe.AdamEpsilon);
        var lossFn = nn.MSELoss();
        var x = torch.tensor(job.TrainX, [n, f]);
        var y = torch.tensor(job.TrainY, [n, 1]);
        var rng = new NumpyGenerator(job.Seed);
        var batch = recipe.BatchSize;
        var lastLoss = double.NaN;
        var diverged = false;
        for (var epoch = 0; epoch < recipe.Epochs && !diverged; epoch++)
        {
            if (cancellationToken.IsCancellationRequested) return null;
            var perm = rng.Permutation(n);
            using var epochScope = torch.NewDisposeScope();
            var permT = torch.tensor(perm);
            Tensor? loss = null;
            for (var start = 0; start < n; start += batch)
            {
                using var stepScope = torch.NewDisposeScope();
                var len = Math.Min(batch, n - start);
                var idx = permT.narrow(0, start, len);
                var xb = x.index_select(0, idx);
                var yb = y.index_select(0, idx);
                optimizer.ZeroGrad();
                var output = model.forward(xb);
                var l = lossFn.forward(output, yb);
                l.backward();
                optimizer.Step();
                if (stepLosses is not null) stepLosses.Add(l.item<float>());
                loss?.Dispose();
                loss = l.detach().MoveToOuterDisposeScope();
            }
            lastLoss = loss!.item<float>();
            diverged = !double.IsFinite(lastLoss);
        }

        double[] predictions;
        using (torch.no_grad())
        {
            var xt = torch.tensor(job.TestX, [job.TestRows, f]);
            var pred = model.forward(xt).reshape(-1).data<float>().ToArray();
            predictions = Array.ConvertAll(pred, p => (double)p);
        }
        diverged |= predictions.Any(p => !double.IsFinite(p));
        return new TrainingOutcome(job, predictions, lastLoss, diverged, sw.Elapsed);
    }
}
