using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.TestSupport;

/// <summary>
/// A deterministic <see cref="ITrainingEngine"/> without libtorch, for tests of everything around
/// training (evaluation, cache, gate, reports, the CLI). Each job is "trained" in microseconds:
/// a least-squares fit of the target on each standardised feature separately (averaged over the
/// features), plus noise that depends only on (seed, fold, held-out row, architecture). So the
/// predictions track the target (PLCC well above 0), differ between seeds and architectures, and
/// are the same bytes on every run, thread count and machine. Not a model of the real engines'
/// numbers: tests that are about training itself use the TorchSharp engines.
/// </summary>
public sealed class FakeTrainingEngine : ITrainingEngine
{
    private readonly Func<TrainingJob, bool> _diverges;

    /// <param name="name">The engine name recorded in provenance and cache keys.</param>
    /// <param name="diverges">Jobs for which to report a diverged training (NaN loss); default none.</param>
    public FakeTrainingEngine(string name = "fake", Func<TrainingJob, bool>? diverges = null)
    {
        Name = name;
        _diverges = diverges ?? (_ => false);
    }

    public string Name { get; }
    public string Version => "1";
    public string Backend => "none (test double)";
    public (int IntraOpThreads, int Parallelism) Threads => (1, 1);

    /// <summary>Every job trained so far, in order (what the cache spared is not here).</summary>
    public List<TrainingJob> Trained { get; } = [];

    public void Train(IReadOnlyList<TrainingJob> jobs, Action<TrainingOutcome> completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(completed);
        foreach (var job in jobs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (Trained) Trained.Add(job);
            completed(_diverges(job)
                ? new TrainingOutcome(job, new double[job.TestRows], double.NaN, Diverged: true, TimeSpan.Zero)
                : Fit(job));
        }
    }

    /// <summary>The predictions and training loss of one job.</summary>
    public static TrainingOutcome Fit(TrainingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var d = job.FeatureCount;
        var n = job.TrainRows;
        var yMean = 0.0;
        for (var i = 0; i < n; i++) yMean += job.TrainY[i];
        yMean /= n;
        var slopes = new double[d];
        for (var j = 0; j < d; j++)
        {
            double sxy = 0, sxx = 0;
            for (var i = 0; i < n; i++)
            {
                double x = job.TrainX[i * d + j];
                sxy += x * (job.TrainY[i] - yMean);
                sxx += x * x;
            }
            slopes[j] = sxx > 0 ? sxy / sxx / d : 0;
        }
        // Larger networks and more epochs: less noise, so architectures and recipes differ.
        var noise = 2.0 / Math.Sqrt(job.Architecture.Hidden.Sum() + 1) * (1 + 1.0 / job.Recipe.Epochs);
        var stream = Hash(job.Seed, job.Fold, job.Architecture.Name);
        var predictions = new double[job.TestRows];
        for (var i = 0; i < predictions.Length; i++)
        {
            var p = yMean;
            for (var j = 0; j < d; j++) p += slopes[j] * job.TestX[i * d + j];
            p += noise * Gaussian(stream, (ulong)i);
            predictions[i] = (float)p;
        }
        var loss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var p = yMean;
            for (var j = 0; j < d; j++) p += slopes[j] * job.TrainX[i * d + j];
            loss += (p - job.TrainY[i]) * (p - job.TrainY[i]);
        }
        return new TrainingOutcome(job, predictions, loss / n, Diverged: false, TimeSpan.Zero);
    }

    // FNV-1a over the identity of the job: a stable stream id (string.GetHashCode is randomised per process).
    private static ulong Hash(int seed, string fold, string arch)
    {
        var h = 14695981039346656037UL;
        foreach (var c in $"{seed}\n{fold}\n{arch}")
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }

    // A standard normal deviate from two SplitMix64 draws of (stream, index) (Box-Muller).
    private static double Gaussian(ulong stream, ulong index)
    {
        var u1 = (SplitMix(stream + 2 * index) >> 11) * (1.0 / (1UL << 53));
        var u2 = (SplitMix(stream + 2 * index + 1) >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
