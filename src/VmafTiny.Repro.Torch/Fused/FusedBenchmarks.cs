using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>What `bench` measures of the fused engine's arithmetic on this machine: the FP32 FMA peak of one core, and the micro-kernels alone.</summary>
public static class FusedBenchmarks
{
    /// <summary>GFLOP/s of a throughput-bound FMA loop (independent accumulators) on one thread with <paramref name="path"/> (best of a few runs).</summary>
    public static double FmaPeakGflops(SimdPath path) => path switch
    {
        SimdPath.Avx512 => FmaPeak<Vec16Avx512>(),
        SimdPath.Avx2 => FmaPeak<Vec16Avx2>(),
        SimdPath.V128 => FmaPeak<Vec16V128>(),
        _ => FmaPeak<Vec16Portable>(),
    };

    /// <summary>GFLOP/s of the forward product, the weight-gradient product and the backward-data product for one [rows x inputs]·[inputs x outputs] layer.</summary>
    public static (double Forward, double WeightGradients, double BackwardData) LayerGflops(SimdPath path, int inputs, int outputs, int rows = 256) => path switch
    {
        SimdPath.Avx512 => Layer<Vec16Avx512>(inputs, outputs, rows),
        SimdPath.Avx2 => Layer<Vec16Avx2>(inputs, outputs, rows),
        SimdPath.V128 => Layer<Vec16V128>(inputs, outputs, rows),
        _ => Layer<Vec16Portable>(inputs, outputs, rows),
    };

    private static double FmaPeak<V>() where V : struct, IVec16<V>
    {
        const int iterations = 2_000_000;
        var best = double.MaxValue;
        var sink = 0f;
        for (var run = 0; run < 5; run++)
        {
            var sw = Stopwatch.StartNew();
            sink += FmaLoop<V>(iterations);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        GC.KeepAlive(sink);
        return iterations * 12.0 * 16 * 2 / best / 1e9;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float FmaLoop<V>(int iterations) where V : struct, IVec16<V>
    {
        var m = V.Broadcast(0.999f);
        var c = V.Broadcast(1e-3f);
        V a0 = V.Zero, a1 = V.Zero, a2 = V.Zero, a3 = V.Zero, a4 = V.Zero, a5 = V.Zero;
        V a6 = V.Zero, a7 = V.Zero, a8 = V.Zero, a9 = V.Zero, a10 = V.Zero, a11 = V.Zero;
        for (var i = 0; i < iterations; i++)
        {
            a0 = V.Fma(a0, m, c); a1 = V.Fma(a1, m, c); a2 = V.Fma(a2, m, c); a3 = V.Fma(a3, m, c);
            a4 = V.Fma(a4, m, c); a5 = V.Fma(a5, m, c); a6 = V.Fma(a6, m, c); a7 = V.Fma(a7, m, c);
            a8 = V.Fma(a8, m, c); a9 = V.Fma(a9, m, c); a10 = V.Fma(a10, m, c); a11 = V.Fma(a11, m, c);
        }
        var s = V.Add(V.Add(V.Add(a0, a1), V.Add(a2, a3)), V.Add(V.Add(a4, a5), V.Add(a6, a7)));
        return V.Sum(V.Add(s, V.Add(V.Add(a8, a9), V.Add(a10, a11))));
    }

    private static (double, double, double) Layer<V>(int inputs, int outputs, int rows) where V : struct, IVec16<V>
    {
        var random = new System.Random(1);
        float[] Fill(int n) => Enumerable.Range(0, n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var h = Fill(inputs * rows);
        var w = Fill(inputs * outputs);
        var b = Fill(outputs);
        var y = new float[outputs * rows];
        var dw = new float[inputs * outputs];
        var db = new float[outputs];
        var dh = new float[inputs * rows];
        var flops = 2.0 * inputs * outputs * rows;
        var reps = (int)Math.Max(10, 2e9 / 20 / flops);
        double Time(Action step)
        {
            step();
            var best = double.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < reps; i++) step();
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            return flops * reps / best / 1e9;
        }
        ref float R(float[] a) => ref MemoryMarshal.GetArrayDataReference(a);
        var forward = Time(() => FusedKernels<V>.Dense(ref R(h), inputs, ref R(w), outputs, 1, ref R(y), outputs, rows, rows, DenseEpilogue.BiasRelu, ref R(b), ref R(y)));
        var weights = Time(() => FusedKernels<V>.WeightGradients(ref R(h), inputs, ref R(y), outputs, rows, rows, ref R(dw), ref R(db)));
        var data = Time(() => FusedKernels<V>.Dense(ref R(y), outputs, ref R(w), 1, outputs, ref R(dh), inputs, rows, rows, DenseEpilogue.Gate, ref R(b), ref R(h)));
        return (forward, weights, data);
    }
}
