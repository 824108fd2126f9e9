using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VmafTiny.Repro.Numpy;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>
/// One model's whole training in managed code: per step gather the batch (feature-major), forward
/// through every layer (bias and ReLU fused), MSE gradient, backward (dW = hᵀ·d, db = Σ d,
/// d ← (d·Wᵀ) ⊙ 1[h &gt; 0]) and torch's Adam, in buffers allocated once per training. The data
/// path is the sequential engine's: its initial weights, the numpy-compatible permutation per
/// epoch, batches of <c>BatchSize</c> with the short last batch, float32 throughout.
/// </summary>
internal sealed class FusedTrainer<V> where V : struct, IVec16<V>
{
    /// <summary>Rows are processed in tiles of this many (4 vectors of 16).</summary>
    public const int RowTile = 64;

    private readonly TrainingJob _job;
    private readonly FusedNetwork _net;
    private readonly int _stride;
    private readonly float[][] _activations;
    private readonly float[][] _deltas;
    private readonly float[] _target;
    private readonly float[] _gradients;
    private readonly float[] _m;
    private readonly float[] _v;
    private readonly int[] _permutation;

    public FusedTrainer(TrainingJob job)
    {
        _job = job;
        _net = FusedNetwork.Initial(job.Architecture, job.FeatureCount, job.Seed);
        _stride = (Math.Max(1, job.Recipe.BatchSize) + RowTile - 1) / RowTile * RowTile;
        _activations = _net.Widths.Select(w => new float[w * _stride]).ToArray();
        _deltas = _net.Widths.Select(w => new float[w * _stride]).ToArray();
        _target = new float[_stride];
        _gradients = new float[_net.PaddedLength];
        _m = new float[_net.PaddedLength];
        _v = new float[_net.PaddedLength];
        _permutation = new int[job.TrainRows];
    }

    public FusedNetwork Network => _net;

    /// <summary>Trains; null when cancelled. <paramref name="stepLosses"/> (tests) receives every step's loss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TrainingOutcome? Train(CancellationToken cancellationToken, FusedTelemetry? telemetry = null, List<float>? stepLosses = null)
    {
        var started = Stopwatch.GetTimestamp();
        var recipe = _job.Recipe;
        var n = _job.TrainRows;
        var batch = recipe.BatchSize;
        var rng = new NumpyGenerator(_job.Seed);
        float beta1 = (float)recipe.Beta1, beta2 = (float)recipe.Beta2;
        float oneMinusBeta1 = (float)(1 - recipe.Beta1), oneMinusBeta2 = (float)(1 - recipe.Beta2), eps = (float)recipe.AdamEpsilon;
        var lastLoss = float.NaN;
        // β^t as running products (IEEE multiplications, the same on every platform) rather than
        // Math.Pow, whose last bit depends on the C library.
        double beta1Power = 1, beta2Power = 1;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var epoch = 0; epoch < recipe.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested) return null;
            rng.PermutationInto(_permutation);
            for (var start = 0; start < n; start += batch)
            {
                var count = Math.Min(batch, n - start);
                var rows = (count + RowTile - 1) / RowTile * RowTile;
                var t0 = Stopwatch.GetTimestamp();
                GatherRows(_permutation.AsSpan(start, count), rows);
                var t1 = Stopwatch.GetTimestamp();
                Forward(rows);
                var t2 = Stopwatch.GetTimestamp();
                lastLoss = Backward(count, rows);
                var t3 = Stopwatch.GetTimestamp();
                beta1Power *= recipe.Beta1;
                beta2Power *= recipe.Beta2;
                var bc1 = 1 - beta1Power;
                var bc2 = 1 - beta2Power;
                FusedKernels<V>.Adam(ref Ref(_net.Parameters), ref Ref(_gradients), ref Ref(_m), ref Ref(_v), _net.PaddedLength,
                    beta1, oneMinusBeta1, beta2, oneMinusBeta2, (float)-(recipe.LearningRate / bc1), (float)Math.Sqrt(bc2), eps);
                var t4 = Stopwatch.GetTimestamp();
                telemetry?.AddStep(t1 - t0, t2 - t1, t3 - t2, t4 - t3);
                stepLosses?.Add(lastLoss);
            }
            if (!float.IsFinite(lastLoss)) break;
        }
        telemetry?.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);

        var predictions = Predict(_job.TestX, _job.TestRows);
        var diverged = !float.IsFinite(lastLoss) || predictions.Any(p => !double.IsFinite(p));
        return new TrainingOutcome(_job, predictions, lastLoss, diverged, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The trained network's outputs for <paramref name="rowCount"/> row-major rows, widened to float64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Predict(float[] x, int rowCount)
    {
        var f = _job.FeatureCount;
        var result = new double[rowCount];
        var input = _activations[0];
        var output = _activations[^1];
        for (var start = 0; start < rowCount; start += _stride)
        {
            var count = Math.Min(_stride, rowCount - start);
            var rows = (count + RowTile - 1) / RowTile * RowTile;
            for (var r = 0; r < rows; r++)
                for (var k = 0; k < f; k++)
                    input[k * _stride + r] = r < count ? x[(start + r) * f + k] : 0f;
            Forward(rows);
            for (var r = 0; r < count; r++) result[start + r] = output[r];
        }
        return result;
    }

    // Row-major reads: a row's features share one cache line, which matters once the training set
    // outgrows the caches (a 216,000-row fold: a feature-major copy took 57 % of mlp_small's time).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GatherRows(ReadOnlySpan<int> indices, int rows)
    {
        var f = _job.FeatureCount;
        var x = _job.TrainX;
        var y = _job.TrainY;
        var a0 = _activations[0];
        var count = indices.Length;
        for (var r = 0; r < count; r++)
        {
            var row = indices[r];
            for (var k = 0; k < f; k++) a0[k * _stride + r] = x[row * f + k];
            _target[r] = y[row];
        }
        for (var k = 0; k < f; k++) a0.AsSpan(k * _stride + count, rows - count).Clear();
        _target.AsSpan(count, rows - count).Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(int rows)
    {
        var p = _net.Parameters;
        for (var l = 0; l < _net.Layers; l++)
        {
            int nIn = _net.Widths[l], nOut = _net.Widths[l + 1];
            var last = l + 1 == _net.Layers;
            FusedKernels<V>.Dense(ref Ref(_activations[l]), nIn, ref p[_net.WeightOffsets[l]], nOut, 1,
                ref Ref(_activations[l + 1]), nOut, _stride, rows, last ? DenseEpilogue.Bias : DenseEpilogue.BiasRelu,
                ref p[_net.BiasOffsets[l]], ref Ref(_activations[l + 1]));
        }
    }

    /// <summary>Loss and gradients of the batch in <see cref="_gradients"/>; returns the loss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float Backward(int count, int rows)
    {
        var p = _net.Parameters;
        var top = _net.Layers;
        var loss = FusedKernels<V>.MseLoss(ref Ref(_activations[top]), ref Ref(_target), ref Ref(_deltas[top]), count, rows);
        for (var l = top - 1; l >= 0; l--)
        {
            int nIn = _net.Widths[l], nOut = _net.Widths[l + 1];
            FusedKernels<V>.WeightGradients(ref Ref(_activations[l]), nIn, ref Ref(_deltas[l + 1]), nOut, _stride, rows,
                ref _gradients[_net.WeightOffsets[l]], ref _gradients[_net.BiasOffsets[l]]);
            if (l > 0)
                FusedKernels<V>.Dense(ref Ref(_deltas[l + 1]), nOut, ref p[_net.WeightOffsets[l]], 1, nOut,
                    ref Ref(_deltas[l]), nIn, _stride, rows, DenseEpilogue.Gate, ref p[_net.BiasOffsets[l]], ref Ref(_activations[l]));
        }
        return loss;
    }

    private static ref float Ref(float[] a) => ref MemoryMarshal.GetArrayDataReference(a);
}
