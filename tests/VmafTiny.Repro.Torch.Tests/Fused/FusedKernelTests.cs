using System.Runtime.InteropServices;
using VmafTiny.Repro.Torch.Fused;

namespace VmafTiny.Repro.Torch.Tests.Fused;

/// <summary>Each micro-kernel against a plain float64 reference, on every SIMD path this CPU runs.</summary>
public sealed class FusedKernelTests
{
    private static float[] Random(int n, int seed) { var r = new System.Random(seed); return Enumerable.Range(0, n).Select(_ => (float)(r.NextDouble() * 2 - 1)).ToArray(); }
    private static ref float R(float[] a) => ref MemoryMarshal.GetArrayDataReference(a);

    [Theory]
    [MemberData(nameof(FusedTestData.Paths), MemberType = typeof(FusedTestData))]
    public void Dense_ComputesBiasPlusProductAndRelu_LikeAFloat64Reference(string path)
    {
        const int inputs = 6, outputs = 7, rows = 128;
        var x = Random(inputs * rows, 1);
        var w = Random(inputs * outputs, 2);
        var b = Random(outputs, 3);
        var y = new float[outputs * rows];
        Run(path, new DenseCall(x, inputs, w, outputs, y, rows, b));
        for (var o = 0; o < outputs; o++)
            for (var r = 0; r < rows; r++)
            {
                double s = b[o];
                for (var i = 0; i < inputs; i++) s += (double)x[i * rows + r] * w[i * outputs + o];
                Assert.Equal(Math.Max(0, s), y[o * rows + r], 1e-5);
            }
    }

    [Theory]
    [MemberData(nameof(FusedTestData.Paths), MemberType = typeof(FusedTestData))]
    public void WeightGradients_AreTheBatchSumsOfOuterProducts(string path)
    {
        const int inputs = 6, outputs = 5, rows = 64;
        var h = Random(inputs * rows, 4);
        var d = Random(outputs * rows, 5);
        var dw = new float[inputs * outputs];
        var db = new float[outputs];
        Run(path, new GradCall(h, inputs, d, outputs, rows, dw, db));
        for (var o = 0; o < outputs; o++)
        {
            Assert.Equal(Enumerable.Range(0, rows).Sum(r => (double)d[o * rows + r]), db[o], 1e-4);
            for (var i = 0; i < inputs; i++)
                Assert.Equal(Enumerable.Range(0, rows).Sum(r => (double)h[i * rows + r] * d[o * rows + r]), dw[i * outputs + o], 1e-4);
        }
    }

    [Theory]
    [MemberData(nameof(FusedTestData.Paths), MemberType = typeof(FusedTestData))]
    public void Sum4_GivesTheSameBitsAsFourSums(string path)
    {
        var values = Random(64, 6).Select(v => v * 1e3f).ToArray();
        var (sum4, sums) = FusedPathDispatch.Sums(FusedTestData.Path(path), values);
        Assert.Equal(sums, sum4);
    }

    [Fact]
    public void Sum_AddsInTheHalvingTreeOrder()
    {
        // Lanes chosen so that another order rounds differently: 1e8 + 1 + ... loses the ones.
        var lanes = new float[16];
        lanes[0] = 1e8f; lanes[8] = -1e8f; lanes[1] = 1f; lanes[9] = 1f;
        var expected = ((lanes[0] + lanes[8]) + (lanes[4] + lanes[12])) + ((lanes[2] + lanes[10]) + (lanes[6] + lanes[14]))
                       + (((lanes[1] + lanes[9]) + (lanes[5] + lanes[13])) + ((lanes[3] + lanes[11]) + (lanes[7] + lanes[15])));
        foreach (var p in SimdPaths.Supported)
        {
            var (_, sums) = FusedPathDispatch.Sums(p, [.. lanes, .. lanes, .. lanes, .. lanes]);
            Assert.Equal(expected, sums[0]);
        }
        Assert.Equal(2f, expected);
    }

    private sealed record DenseCall(float[] X, int Inputs, float[] W, int Outputs, float[] Y, int Rows, float[] B);
    private sealed record GradCall(float[] H, int Inputs, float[] D, int Outputs, int Rows, float[] Dw, float[] Db);

    private static void Run(string path, object call)
    {
        switch (FusedTestData.Path(path))
        {
            case SimdPath.Avx512: Run<Vec16Avx512>(call); break;
            case SimdPath.Avx2: Run<Vec16Avx2>(call); break;
            case SimdPath.V128: Run<Vec16V128>(call); break;
            default: Run<Vec16Portable>(call); break;
        }
    }

    private static void Run<V>(object call) where V : struct, IVec16<V>
    {
        if (call is DenseCall c)
            FusedKernels<V>.Dense(ref R(c.X), c.Inputs, ref R(c.W), c.Outputs, 1, ref R(c.Y), c.Outputs, c.Rows, c.Rows, DenseEpilogue.BiasRelu, ref R(c.B), ref R(c.Y));
        else if (call is GradCall g)
            FusedKernels<V>.WeightGradients(ref R(g.H), g.Inputs, ref R(g.D), g.Outputs, g.Rows, g.Rows, ref R(g.Dw), ref R(g.Db));
    }
}

/// <summary>Runs the reductions on a chosen path.</summary>
internal static class FusedPathDispatch
{
    /// <summary>Sum4 and four Sums of the 4 x 16 values.</summary>
    public static (float[] Sum4, float[] Sums) Sums(SimdPath path, float[] values) => path switch
    {
        SimdPath.Avx512 => Sums<Vec16Avx512>(values),
        SimdPath.Avx2 => Sums<Vec16Avx2>(values),
        SimdPath.V128 => Sums<Vec16V128>(values),
        _ => Sums<Vec16Portable>(values),
    };

    private static (float[], float[]) Sums<V>(float[] values) where V : struct, IVec16<V>
    {
        var v = Enumerable.Range(0, 4).Select(k => V.Load(ref values[16 * k])).ToArray();
        var four = new float[4];
        V.Sum4(v[0], v[1], v[2], v[3], ref four[0]);
        return (four, v.Select(V.Sum).ToArray());
    }
}
