using System.Diagnostics;
using TorchSharp;

namespace VmafTiny.Repro.Torch;

/// <summary>Reference measurements for benchmarks: what this machine's libtorch achieves on a large float32 matmul.</summary>
public static class TorchBenchmarks
{
    /// <summary>GFLOP/s of a 1024x1024x1024 float32 matmul with <paramref name="threads"/> intra-op threads (best of a few).</summary>
    public static double MatmulGflops(int threads, int size = 1024, int repeats = 8)
    {
        TorchRuntime.UseThreads(threads);
        using var scope = torch.NewDisposeScope();
        var a = torch.rand(size, size);
        var b = torch.rand(size, size);
        torch.mm(a, b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            torch.mm(a, b).Dispose();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        TorchRuntime.UseThreads(1);
        return 2.0 * size * size * size / best / 1e9;
    }
}
