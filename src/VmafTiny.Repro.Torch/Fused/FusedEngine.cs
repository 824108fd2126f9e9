using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>
/// The fused managed engine (<c>--engine fused</c>): each training runs entirely in managed code
/// (<see cref="FusedTrainer{V}"/>: one fused step of gather, forward, backward and Adam, written
/// with hardware intrinsics, no allocation in the loop); libtorch only draws the initial weights.
/// Models run across cores, one per thread; a model's arithmetic depends neither on the other
/// models, nor on the thread count, nor on the SIMD path (every path gives the same bits), so a
/// result is the same on every machine and for every <c>--threads</c>.
/// </summary>
public sealed class FusedEngine : ITrainingEngine
{
    /// <summary>Bumped whenever a change may alter the numbers this engine produces (part of cache keys).</summary>
    public const string EngineVersion = "1";

    public FusedEngine(int? parallelism = null, SimdPath? simd = null, FusedTelemetry? telemetry = null)
    {
        Parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        Simd = simd ?? SimdPaths.Best;
        Telemetry = telemetry;
    }

    public int Parallelism { get; }
    public SimdPath Simd { get; }
    public FusedTelemetry? Telemetry { get; }
    public string Name => "managed-fused";
    public string Version => EngineVersion;

    /// <summary>The SIMD path taken and where the initial weights come from, e.g. "managed float32, SIMD avx512 (initial weights: libtorch 2.10.0 ...)".</summary>
    public string Backend => $"managed float32, SIMD {SimdPaths.Name(Simd)} (initial weights: {TorchRuntime.Backend})";

    public (int IntraOpThreads, int Parallelism) Threads => (1, Parallelism);

    public void Train(IReadOnlyList<TrainingJob> jobs, Action<TrainingOutcome> completed, CancellationToken cancellationToken)
    {
        // Longest first, so that the last trainings to start are short ones.
        var ordered = jobs.OrderByDescending(Cost).ToList();
        TrainingWorkers.Run(ordered, Parallelism, "vmaf-repro-fused", job =>
        {
            var outcome = TrainOne(job, Simd, cancellationToken, Telemetry);
            if (outcome is null) return false;
            completed(outcome);
            return true;
        }, cancellationToken);
    }

    /// <summary>Trains one job on <paramref name="simd"/>; null when cancelled.</summary>
    internal static TrainingOutcome? TrainOne(TrainingJob job, SimdPath simd, CancellationToken cancellationToken,
        FusedTelemetry? telemetry = null, List<float>? stepLosses = null) => simd switch
    {
        SimdPath.Avx512 => new FusedTrainer<Vec16Avx512>(job).Train(cancellationToken, telemetry, stepLosses),
        SimdPath.Avx2 => new FusedTrainer<Vec16Avx2>(job).Train(cancellationToken, telemetry, stepLosses),
        SimdPath.V128 => new FusedTrainer<Vec16V128>(job).Train(cancellationToken, telemetry, stepLosses),
        _ => new FusedTrainer<Vec16Portable>(job).Train(cancellationToken, telemetry, stepLosses),
    };

    private static double Cost(TrainingJob job)
    {
        var w = job.Architecture.LayerWidths(job.FeatureCount);
        double macs = 0;
        for (var i = 0; i + 1 < w.Count; i++) macs += (double)w[i] * w[i + 1];
        return macs * job.TrainRows * job.Recipe.Epochs;
    }
}
