using System.Runtime.CompilerServices;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>What a <see cref="FusedKernels{V}.Dense"/> product does with its sums before storing them.</summary>
internal enum DenseEpilogue
{
    /// <summary>sum + bias (the output layer).</summary>
    Bias,
    /// <summary>ReLU(sum + bias) (hidden layers).</summary>
    BiasRelu,
    /// <summary>gate &gt; 0 ? sum : 0 (backward through a ReLU whose output is gate).</summary>
    Gate,
}

/// <summary>
/// The fused engine's micro-kernels, written once over <see cref="IVec16{TSelf}"/>. Activations and
/// gradients are feature-major: unit u's values for the batch rows are contiguous at
/// <c>u · stride</c>, so vector lanes are batch rows and every lane is an independent chain; rows
/// are processed in tiles of 64 (4 vectors of 16), so the row count passed in is a multiple of 64.
/// Reduction orders are fixed and independent of the vector width: a dense sum runs over its
/// inputs in index order with one FMA each (starting from 0; the bias is added after); a batch sum
/// keeps 16 partial sums (row r goes to partial r mod 16, in row order) and adds them with the
/// halving tree of <see cref="IVec16{TSelf}.Sum"/>.
/// </summary>
internal static class FusedKernels<V> where V : struct, IVec16<V>
{
    /// <summary>
    /// <c>output[j][r] = epilogue(Σ_k w[k·sk + j·sj] · input[k][r])</c> for j &lt; <paramref name="outputs"/>,
    /// k &lt; <paramref name="inputs"/>, r &lt; <paramref name="rows"/> (a multiple of 64).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dense(ref float input, int inputs, ref float w, int sk, int sj, ref float output, int outputs,
        int stride, int rows, DenseEpilogue epilogue, ref float bias, ref float gate)
    {
        for (var r = 0; r < rows; r += 64)
        {
            var j = 0;
            for (; j + 4 <= outputs; j += 4)
                Dense4x4(ref Unsafe.Add(ref input, r), inputs, ref Unsafe.Add(ref w, j * sj), sk, sj,
                    ref Unsafe.Add(ref output, j * stride + r), stride, epilogue, ref Unsafe.Add(ref bias, j), ref Unsafe.Add(ref gate, j * stride + r));
            for (; j < outputs; j++)
                Dense1x4(ref Unsafe.Add(ref input, r), inputs, ref Unsafe.Add(ref w, j * sj), sk,
                    ref Unsafe.Add(ref output, j * stride + r), stride, epilogue, ref Unsafe.Add(ref bias, j), ref Unsafe.Add(ref gate, j * stride + r));
        }
    }

    /// <summary>Four output units by 64 rows: 16 accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dense4x4(ref float x, int inputs, ref float w, int sk, int sj, ref float y, int stride, DenseEpilogue epilogue, ref float bias, ref float gate)
    {
        V a00 = V.Zero, a01 = V.Zero, a02 = V.Zero, a03 = V.Zero;
        V a10 = V.Zero, a11 = V.Zero, a12 = V.Zero, a13 = V.Zero;
        V a20 = V.Zero, a21 = V.Zero, a22 = V.Zero, a23 = V.Zero;
        V a30 = V.Zero, a31 = V.Zero, a32 = V.Zero, a33 = V.Zero;
        for (var k = 0; k < inputs; k++)
        {
            ref var xk = ref Unsafe.Add(ref x, k * stride);
            var x0 = V.Load(ref xk);
            var x1 = V.Load(ref Unsafe.Add(ref xk, 16));
            var x2 = V.Load(ref Unsafe.Add(ref xk, 32));
            var x3 = V.Load(ref Unsafe.Add(ref xk, 48));
            ref var wk = ref Unsafe.Add(ref w, k * sk);
            var w0 = V.Broadcast(wk);
            a00 = V.Fma(x0, w0, a00); a01 = V.Fma(x1, w0, a01); a02 = V.Fma(x2, w0, a02); a03 = V.Fma(x3, w0, a03);
            var w1 = V.Broadcast(Unsafe.Add(ref wk, sj));
            a10 = V.Fma(x0, w1, a10); a11 = V.Fma(x1, w1, a11); a12 = V.Fma(x2, w1, a12); a13 = V.Fma(x3, w1, a13);
            var w2 = V.Broadcast(Unsafe.Add(ref wk, 2 * sj));
            a20 = V.Fma(x0, w2, a20); a21 = V.Fma(x1, w2, a21); a22 = V.Fma(x2, w2, a22); a23 = V.Fma(x3, w2, a23);
            var w3 = V.Broadcast(Unsafe.Add(ref wk, 3 * sj));
            a30 = V.Fma(x0, w3, a30); a31 = V.Fma(x1, w3, a31); a32 = V.Fma(x2, w3, a32); a33 = V.Fma(x3, w3, a33);
        }
        Finish(a00, a01, a02, a03, ref y, epilogue, bias, ref gate);
        Finish(a10, a11, a12, a13, ref Unsafe.Add(ref y, stride), epilogue, Unsafe.Add(ref bias, 1), ref Unsafe.Add(ref gate, stride));
        Finish(a20, a21, a22, a23, ref Unsafe.Add(ref y, 2 * stride), epilogue, Unsafe.Add(ref bias, 2), ref Unsafe.Add(ref gate, 2 * stride));
        Finish(a30, a31, a32, a33, ref Unsafe.Add(ref y, 3 * stride), epilogue, Unsafe.Add(ref bias, 3), ref Unsafe.Add(ref gate, 3 * stride));
    }

    /// <summary>One output unit by 64 rows (output layers, and unit counts not divisible by 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dense1x4(ref float x, int inputs, ref float w, int sk, ref float y, int stride, DenseEpilogue epilogue, ref float bias, ref float gate)
    {
        V a0 = V.Zero, a1 = V.Zero, a2 = V.Zero, a3 = V.Zero;
        for (var k = 0; k < inputs; k++)
        {
            ref var xk = ref Unsafe.Add(ref x, k * stride);
            var wk = V.Broadcast(Unsafe.Add(ref w, k * sk));
            a0 = V.Fma(V.Load(ref xk), wk, a0);
            a1 = V.Fma(V.Load(ref Unsafe.Add(ref xk, 16)), wk, a1);
            a2 = V.Fma(V.Load(ref Unsafe.Add(ref xk, 32)), wk, a2);
            a3 = V.Fma(V.Load(ref Unsafe.Add(ref xk, 48)), wk, a3);
        }
        Finish(a0, a1, a2, a3, ref y, epilogue, bias, ref gate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(V a0, V a1, V a2, V a3, ref float y, DenseEpilogue epilogue, float bias, ref float gate)
    {
        if (epilogue == DenseEpilogue.Gate)
        {
            V.Store(V.WherePositive(V.Load(ref gate), a0), ref y);
            V.Store(V.WherePositive(V.Load(ref Unsafe.Add(ref gate, 16)), a1), ref Unsafe.Add(ref y, 16));
            V.Store(V.WherePositive(V.Load(ref Unsafe.Add(ref gate, 32)), a2), ref Unsafe.Add(ref y, 32));
            V.Store(V.WherePositive(V.Load(ref Unsafe.Add(ref gate, 48)), a3), ref Unsafe.Add(ref y, 48));
            return;
        }
        var b = V.Broadcast(bias);
        a0 = V.Add(a0, b); a1 = V.Add(a1, b); a2 = V.Add(a2, b); a3 = V.Add(a3, b);
        if (epilogue == DenseEpilogue.BiasRelu)
        {
            a0 = V.WherePositive(a0, a0); a1 = V.WherePositive(a1, a1); a2 = V.WherePositive(a2, a2); a3 = V.WherePositive(a3, a3);
        }
        V.Store(a0, ref y);
        V.Store(a1, ref Unsafe.Add(ref y, 16));
        V.Store(a2, ref Unsafe.Add(ref y, 32));
        V.Store(a3, ref Unsafe.Add(ref y, 48));
    }

    /// <summary>
    /// The gradients of one layer: <c>dw[i·outputs + o] = Σ_r h[i][r] · d[o][r]</c> and
    /// <c>db[o] = Σ_r d[o][r]</c>, batch sums in the fixed order (rows a multiple of 16).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WeightGradients(ref float h, int inputs, ref float d, int outputs, int stride, int rows, ref float dw, ref float db)
    {
        var blocks = rows / 16;
        var i = 0;
        for (; i + 4 <= inputs; i += 4)
        {
            var o = 0;
            for (; o + 4 <= outputs; o += 4)
                Outer4x4(ref Unsafe.Add(ref h, i * stride), ref Unsafe.Add(ref d, o * stride), stride, blocks, ref Unsafe.Add(ref dw, i * outputs + o), outputs);
            for (; o < outputs; o++)
                for (var ii = i; ii < i + 4; ii++)
                    Unsafe.Add(ref dw, ii * outputs + o) = Dot(ref Unsafe.Add(ref h, ii * stride), ref Unsafe.Add(ref d, o * stride), blocks);
        }
        for (; i < inputs; i++)
        {
            var o = 0;
            for (; o + 4 <= outputs; o += 4)
                Outer1x4(ref Unsafe.Add(ref h, i * stride), ref Unsafe.Add(ref d, o * stride), stride, blocks, ref Unsafe.Add(ref dw, i * outputs + o));
            for (; o < outputs; o++)
                Unsafe.Add(ref dw, i * outputs + o) = Dot(ref Unsafe.Add(ref h, i * stride), ref Unsafe.Add(ref d, o * stride), blocks);
        }
        for (var o = 0; o < outputs; o++)
        {
            ref var dO = ref Unsafe.Add(ref d, o * stride);
            var acc = V.Zero;
            for (var b = 0; b < blocks; b++) acc = V.Add(acc, V.Load(ref Unsafe.Add(ref dO, 16 * b)));
            Unsafe.Add(ref db, o) = V.Sum(acc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Outer4x4(ref float h, ref float d, int stride, int blocks, ref float dw, int ldw)
    {
        V a00 = V.Zero, a01 = V.Zero, a02 = V.Zero, a03 = V.Zero;
        V a10 = V.Zero, a11 = V.Zero, a12 = V.Zero, a13 = V.Zero;
        V a20 = V.Zero, a21 = V.Zero, a22 = V.Zero, a23 = V.Zero;
        V a30 = V.Zero, a31 = V.Zero, a32 = V.Zero, a33 = V.Zero;
        for (var b = 0; b < blocks; b++)
        {
            var at = 16 * b;
            var h0 = V.Load(ref Unsafe.Add(ref h, at));
            var h1 = V.Load(ref Unsafe.Add(ref h, stride + at));
            var h2 = V.Load(ref Unsafe.Add(ref h, 2 * stride + at));
            var h3 = V.Load(ref Unsafe.Add(ref h, 3 * stride + at));
            var d0 = V.Load(ref Unsafe.Add(ref d, at));
            a00 = V.Fma(h0, d0, a00); a10 = V.Fma(h1, d0, a10); a20 = V.Fma(h2, d0, a20); a30 = V.Fma(h3, d0, a30);
            var d1 = V.Load(ref Unsafe.Add(ref d, stride + at));
            a01 = V.Fma(h0, d1, a01); a11 = V.Fma(h1, d1, a11); a21 = V.Fma(h2, d1, a21); a31 = V.Fma(h3, d1, a31);
            var d2 = V.Load(ref Unsafe.Add(ref d, 2 * stride + at));
            a02 = V.Fma(h0, d2, a02); a12 = V.Fma(h1, d2, a12); a22 = V.Fma(h2, d2, a22); a32 = V.Fma(h3, d2, a32);
            var d3 = V.Load(ref Unsafe.Add(ref d, 3 * stride + at));
            a03 = V.Fma(h0, d3, a03); a13 = V.Fma(h1, d3, a13); a23 = V.Fma(h2, d3, a23); a33 = V.Fma(h3, d3, a33);
        }
        V.Sum4(a00, a01, a02, a03, ref dw);
        V.Sum4(a10, a11, a12, a13, ref Unsafe.Add(ref dw, ldw));
        V.Sum4(a20, a21, a22, a23, ref Unsafe.Add(ref dw, 2 * ldw));
        V.Sum4(a30, a31, a32, a33, ref Unsafe.Add(ref dw, 3 * ldw));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Outer1x4(ref float h, ref float d, int stride, int blocks, ref float dw)
    {
        V a0 = V.Zero, a1 = V.Zero, a2 = V.Zero, a3 = V.Zero;
        for (var b = 0; b < blocks; b++)
        {
            var at = 16 * b;
            var h0 = V.Load(ref Unsafe.Add(ref h, at));
            a0 = V.Fma(h0, V.Load(ref Unsafe.Add(ref d, at)), a0);
            a1 = V.Fma(h0, V.Load(ref Unsafe.Add(ref d, stride + at)), a1);
            a2 = V.Fma(h0, V.Load(ref Unsafe.Add(ref d, 2 * stride + at)), a2);
            a3 = V.Fma(h0, V.Load(ref Unsafe.Add(ref d, 3 * stride + at)), a3);
        }
        V.Sum4(a0, a1, a2, a3, ref dw);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot(ref float h, ref float d, int blocks)
    {
        var acc = V.Zero;
        for (var b = 0; b < blocks; b++) acc = V.Fma(V.Load(ref Unsafe.Add(ref h, 16 * b)), V.Load(ref Unsafe.Add(ref d, 16 * b)), acc);
        return V.Sum(acc);
    }

    /// <summary>
    /// MSE over the first <paramref name="count"/> rows: writes dL/dprediction = (p − y) · (2/count)
    /// into <paramref name="grad"/> (0 on padding rows up to <paramref name="rows"/>) and returns the
    /// loss Σ(p − y)² / count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float MseLoss(ref float prediction, ref float target, ref float grad, int count, int rows)
    {
        for (var b = 0; b < rows; b += 16)
            V.Store(V.Subtract(V.Load(ref Unsafe.Add(ref prediction, b)), V.Load(ref Unsafe.Add(ref target, b))), ref Unsafe.Add(ref grad, b));
        for (var r = count; r < rows; r++) Unsafe.Add(ref grad, r) = 0f;
        var acc = V.Zero;
        var scale = V.Broadcast(2f / count);
        for (var b = 0; b < rows; b += 16)
        {
            var diff = V.Load(ref Unsafe.Add(ref grad, b));
            acc = V.Fma(diff, diff, acc);
            V.Store(V.Multiply(diff, scale), ref Unsafe.Add(ref grad, b));
        }
        return V.Sum(acc) / count;
    }

    /// <summary>
    /// torch's Adam step (as <c>ReferenceAdam</c>) over <paramref name="length"/> parameters (a
    /// multiple of 16; padding entries have zero gradients and stay zero):
    /// m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g·g; p ← p − stepSize · m / (√v / √bc2 + ε).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Adam(ref float p, ref float g, ref float m, ref float v, int length,
        float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float negStepSize, float sqrtBiasCorrection2, float eps)
    {
        var b1 = V.Broadcast(beta1);
        var c1 = V.Broadcast(oneMinusBeta1);
        var b2 = V.Broadcast(beta2);
        var c2 = V.Broadcast(oneMinusBeta2);
        var step = V.Broadcast(negStepSize);
        var bc2 = V.Broadcast(sqrtBiasCorrection2);
        var e = V.Broadcast(eps);
        for (var i = 0; i < length; i += 16)
        {
            var gi = V.Load(ref Unsafe.Add(ref g, i));
            var mi = V.Fma(gi, c1, V.Multiply(V.Load(ref Unsafe.Add(ref m, i)), b1));
            var vi = V.Fma(V.Multiply(gi, c2), gi, V.Multiply(V.Load(ref Unsafe.Add(ref v, i)), b2));
            var denom = V.Add(V.Divide(V.Sqrt(vi), bc2), e);
            var pi = V.Fma(step, V.Divide(mi, denom), V.Load(ref Unsafe.Add(ref p, i)));
            V.Store(mi, ref Unsafe.Add(ref m, i));
            V.Store(vi, ref Unsafe.Add(ref v, i));
            V.Store(pi, ref Unsafe.Add(ref p, i));
        }
    }
}
