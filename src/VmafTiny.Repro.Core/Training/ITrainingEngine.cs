namespace VmafTiny.Repro.Training;

/// <summary>
/// Trains a set of (fold, seed) jobs. Implementations live outside the core (the TorchSharp
/// engines); the core only sees this seam.
/// </summary>
public interface ITrainingEngine
{
    /// <summary>Short engine name recorded in provenance and in cache keys, e.g. "torchsharp-sequential".</summary>
    string Name { get; }

    /// <summary>Engine version: changes whenever its numbers may change (part of cache keys).</summary>
    string Version { get; }

    /// <summary>The numeric backend, e.g. "libtorch 2.10.0".</summary>
    string Backend { get; }

    /// <summary>Intra-op threads per training, and trainings run at once.</summary>
    (int IntraOpThreads, int Parallelism) Threads { get; }

    /// <summary>
    /// Trains every job. <paramref name="completed"/> is called once per job as soon as it is done
    /// (from any thread), so that callers can persist results and resume after an interruption.
    /// Honors <paramref name="cancellationToken"/> between steps.
    /// </summary>
    void Train(IReadOnlyList<TrainingJob> jobs, Action<TrainingOutcome> completed, CancellationToken cancellationToken);
}
