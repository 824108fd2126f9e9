using System.Diagnostics;
using TorchSharp;
using VmafTiny.Repro.Training;
using static TorchSharp.torch;

namespace VmafTiny.Repro.Torch;

/// <summary>
/// Trains many (fold, seed) models of one architecture at once: their parameters are stacked and
/// each layer runs as one batched matmul (<c>bmm</c>) per step, so the per-op overhead that
/// dominates tiny MLPs is paid once for the whole grid instead of once per model.
/// Each model keeps its own initialisation (the sequential engine's, bit for bit), its own
/// permutation stream, its own fold's standardised data and its own Adam state; models whose fold
/// has fewer batches in an epoch are masked out of the remaining steps (no update, no Adam step),
/// and the short last batch is masked per model. Results agree with
/// <see cref="SequentialTorchEngine"/> to float32 drift (docs/benchmarks.md states the bound measured).
/// Jobs are split into <see cref="Parallelism"/> stacks trained on separate threads with one
/// intra-op thread each.
/// </summary>
public sealed class BatchedTorchEngine : ITrainingEngine
{
    /// <summary>Bumped whenever a change may alter the numbers this engine produces (part of cache keys).</summary>
    public const string EngineVersion = "2";

    public BatchedTorchEngine(int? parallelism = null)
    {
        Parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    public int Parallelism { get; }
    public string Name => "torchsharp-batched";
    public string Version => EngineVersion;
    public string Backend => TorchRuntime.Backend;
    public (int IntraOpThreads, int Parallelism) Threads => (1, Parallelism);

    public void Train(IReadOnlyList<TrainingJob> jobs, Action<TrainingOutcome> completed, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0) return;
        var groups = jobs.GroupBy(j => (j.Architecture, j.Recipe, j.FeatureCount)).SelectMany(g => Split(g.ToList(), Parallelism)).ToList();
        TrainingWorkers.Run(groups, Parallelism, "vmaf-repro-batched", stack =>
        {
            var outcomes = new BatchedStack(stack).Train(cancellationToken);
            if (outcomes is null) return false;
            foreach (var o in outcomes) completed(o);
            return true;
        }, cancellationToken);
    }

    /// <summary>Splits jobs into at most <paramref name="parts"/> stacks of near-equal size (contiguous).</summary>
    internal static IEnumerable<List<TrainingJob>> Split(List<TrainingJob> jobs, int parts)
    {
        parts = Math.Clamp(parts, 1, jobs.Count);
        var size = (jobs.Count + parts - 1) / parts;
        for (var i = 0; i < jobs.Count; i += size) yield return jobs.GetRange(i, Math.Min(size, jobs.Count - i));
    }
}
