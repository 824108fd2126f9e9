using System.Diagnostics;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>
/// Where the fused engine's time goes (gather, forward, backward, Adam: summed over every step of
/// every training, all threads) and what its training loops allocated. Thread-safe; for `bench`.
/// </summary>
public sealed class FusedTelemetry
{
    private long _gather, _forward, _backward, _adam, _steps, _allocated;

    internal void AddStep(long gather, long forward, long backward, long adam)
    {
        Interlocked.Add(ref _gather, gather);
        Interlocked.Add(ref _forward, forward);
        Interlocked.Add(ref _backward, backward);
        Interlocked.Add(ref _adam, adam);
        Interlocked.Increment(ref _steps);
    }

    internal void AddAllocated(long bytes) => Interlocked.Add(ref _allocated, bytes);

    public long Steps => Interlocked.Read(ref _steps);

    /// <summary>Bytes allocated on the training threads inside the epoch loops (0 when nothing allocates).</summary>
    public long AllocatedBytesInLoops => Interlocked.Read(ref _allocated);

    public TimeSpan Gather => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _gather));
    public TimeSpan Forward => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _forward));
    public TimeSpan Backward => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _backward));
    public TimeSpan Adam => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _adam));
}
