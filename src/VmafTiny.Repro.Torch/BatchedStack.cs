using System.Diagnostics;
using TorchSharp;
using VmafTiny.Repro.Numpy;
using VmafTiny.Repro.Training;
using static TorchSharp.torch;

namespace VmafTiny.Repro.Torch;

/// <summary>One stack of models of the same architecture and recipe, trained together (see <see cref="BatchedTorchEngine"/>).</summary>
internal sealed class BatchedStack
{
    private readonly IReadOnlyList<TrainingJob> _jobs;
    private readonly int _m;
    private readonly int _f;
    private readonly int _batch;

    public BatchedStack(IReadOnlyList<TrainingJob> jobs)
    {
        _jobs = jobs;
        _m = jobs.Count;
        _f = jobs[0].FeatureCount;
        _batch = jobs[0].Recipe.BatchSize;
    }

    /// <summary>Trains the stack; null when cancelled.</summary>
    public IReadOnlyList<TrainingOutcome>? Train(CancellationToken cancellationToken, List<float[]>? stepLosses = null)
    {
        var sw = Stopwatch.StartNew();
        using var scope = torch.NewDisposeScope();
        var recipe = _jobs[0].Recipe;
        // All parameters of a model live in one row of a [models, parameters] leaf tensor, so that
        // zeroing gradients and every Adam operation is one op for the whole stack; the layers
        // are views into it (W as [models, in, out], b as [models, 1, out]).
        var (flat, layout) = InitialParameters();
        var m = torch.zeros_like(flat);
        var v = torch.zeros_like(flat);

        // Each distinct training set (fold) is stored once; models index into it with an offset.
        var (xAll, yAll, offsets) = StackTrainingData();
        var rngs = _jobs.Select(j => new NumpyGenerator(j.Seed)).ToArray();
        var rows = _jobs.Select(j => j.TrainRows).ToArray();
        var maxSteps = rows.Select(n => (n + _batch - 1) / _batch).Max();
        var adamSteps = new int[_m];
        var lastLoss = torch.tensor(Enumerable.Repeat(float.NaN, _m).ToArray());
        // Scalars are created once and live across the loop, and every op that would otherwise
        // make a temporary one (add/sub default alpha, scalar operands) gets them explicitly; see
        // ReferenceAdam for why.
        using var eps = recipe.AdamEpsilon.ToScalar();
        using var one = 1.ToScalar();

        for (var epoch = 0; epoch < recipe.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested) return null;
            using var epochScope = torch.NewDisposeScope();
            var plan = EpochPlan(rngs, rows, offsets, maxSteps, recipe, adamSteps);
            var index = torch.tensor(plan.Index, [maxSteps, _m * _batch]);
            var mask = torch.tensor(plan.Mask, [maxSteps, _m, _batch, 1]);
            var divisor = torch.tensor(plan.Divisor, [maxSteps, _m]);
            var hasRows = torch.tensor(plan.HasRows, [maxSteps, _m]);
            var stepSize = torch.tensor(plan.StepSize, [maxSteps, _m, 1]);
            var sqrtBc2 = torch.tensor(plan.SqrtBiasCorrection2, [maxSteps, _m, 1]);
            var b1Weight = torch.tensor(plan.Beta1Weight, [maxSteps, _m, 1]);
            var b2Weight = torch.tensor(plan.Beta2Weight, [maxSteps, _m, 1]);
            for (var s = 0; s < maxSteps; s++)
            {
                using var stepScope = torch.NewDisposeScope();
                var idx = index[s];
                var xb = xAll.index_select(0, idx).view(_m, _batch, _f);
                var yb = yAll.index_select(0, idx).view(_m, _batch, 1);
                flat.grad?.zero_();
                var h = Forward(flat, layout, xb);
                var diff = h.sub(yb).mul(mask[s]);
                var perModel = diff.mul(diff).sum([1, 2]).div(divisor[s]);
                perModel.sum().backward();
                using (torch.no_grad())
                {
                    var g = flat.grad!;
                    m.lerp_(g, b1Weight[s]);
                    v.lerp_(g.mul(g), b2Weight[s]);
                    var denom = v.sqrt().div(sqrtBc2[s]).add_(eps, one);
                    flat.sub_(stepSize[s].mul(m).div(denom));
                    lastLoss.copy_(torch.where(hasRows[s], perModel.detach(), lastLoss));
                }
                stepLosses?.Add(perModel.detach().data<float>().ToArray());
            }
        }

        var losses = lastLoss.data<float>().ToArray();
        var outcomes = new List<TrainingOutcome>(_m);
        using (torch.no_grad())
        {
            for (var k = 0; k < _m; k++)
            {
                using var predScope = torch.NewDisposeScope();
                var job = _jobs[k];
                var x = torch.tensor(job.TestX, [1, job.TestRows, _f]);
                var h = Forward(flat.narrow(0, k, 1), layout, x);
                var pred = Array.ConvertAll(h.reshape(-1).data<float>().ToArray(), p => (double)p);
                var diverged = !float.IsFinite(losses[k]) || pred.Any(p => !double.IsFinite(p));
                // Wall time of a stacked training is the stack's time shared equally.
                outcomes.Add(new TrainingOutcome(job, pred, losses[k], diverged, sw.Elapsed / _m));
            }
        }
        return outcomes;
    }

    /// <summary>Where each layer's weights ([in, out], row-major) and bias sit in a model's parameter row.</summary>
    private sealed record Layer(int In, int Out, long WeightOffset, long BiasOffset);

    private static Tensor Forward(Tensor flat, IReadOnlyList<Layer> layout, Tensor x)
    {
        var models = flat.shape[0];
        var h = x;
        for (var l = 0; l < layout.Count; l++)
        {
            var layer = layout[l];
            var w = flat.narrow(1, layer.WeightOffset, layer.In * layer.Out).view(models, layer.In, layer.Out);
            var b = flat.narrow(1, layer.BiasOffset, layer.Out).view(models, 1, layer.Out);
            // b + h @ w in one kernel. TorchSharp 0.107's Tensor.baddbmm(a, b) computes
            // b.baddbmm(this, a) — argument names aside, this is bias + h·w.
            h = h.baddbmm(w, b, beta: 1, alpha: 1);
            if (l + 1 < layout.Count) h = h.relu_();
        }
        return h;
    }

    /// <summary>Each model's initial parameters exactly as the sequential engine builds them, one row per model.</summary>
    private (Tensor Flat, IReadOnlyList<Layer> Layout) InitialParameters()
    {
        var widths = _jobs[0].Architecture.LayerWidths(_f);
        var layout = new List<Layer>();
        long at = 0;
        for (var l = 0; l + 1 < widths.Count; l++)
        {
            layout.Add(new Layer(widths[l], widths[l + 1], at, at + (long)widths[l] * widths[l + 1]));
            at += (long)widths[l] * widths[l + 1] + widths[l + 1];
        }
        var p = at;
        var values = new float[_m * p];
        for (var k = 0; k < _m; k++)
        {
            using var model = MlpFactory.Create(_jobs[k].Architecture, _f, _jobs[k].Seed);
            var state = MlpFactory.StateDict(model);
            for (var l = 0; l < layout.Count; l++)
            {
                var (_, weight, _) = state[2 * l]; // [out, in] row-major
                var (_, bias, _) = state[2 * l + 1];
                var layer = layout[l];
                for (var o = 0; o < layer.Out; o++)
                    for (var i = 0; i < layer.In; i++)
                        values[k * p + layer.WeightOffset + (long)i * layer.Out + o] = weight[o * layer.In + i];
                bias.CopyTo(values, k * p + layer.BiasOffset);
            }
        }
        return (torch.tensor(values, [_m, p]).requires_grad_(true), layout);
    }

    private (Tensor X, Tensor Y, long[] Offsets) StackTrainingData()
    {
        var offsets = new long[_m];
        var distinct = new List<TrainingJob>();
        var seen = new Dictionary<float[], long>(ReferenceEqualityComparer.Instance);
        long total = 0;
        for (var k = 0; k < _m; k++)
        {
            var x = _jobs[k].TrainX;
            if (!seen.TryGetValue(x, out var off))
            {
                off = total;
                seen[x] = off;
                distinct.Add(_jobs[k]);
                total += _jobs[k].TrainRows;
            }
            offsets[k] = off;
        }
        var xs = new float[total * _f];
        var ys = new float[total];
        long at = 0;
        foreach (var j in distinct)
        {
            j.TrainX.CopyTo(xs, at * _f);
            j.TrainY.CopyTo(ys, at);
            at += j.TrainRows;
        }
        // The extra row at the end is padding for masked batch slots.
        return (torch.tensor(xs, [total, _f]), torch.tensor(ys, [total, 1]), offsets);
    }

    /// <summary>
    /// One epoch laid out per (step, model): gather indices and row masks, the loss divisor (rows in
    /// the batch, at least 1), whether the model has a batch at all, and Adam's per-model factors:
    /// step size lr / (1 − β1^t), √(1 − β2^t), and the moment weights (1 − β) — zero for a model with
    /// no batch at that step, so its parameters and moments stay as they are.
    /// </summary>
    private sealed record Plan(long[] Index, float[] Mask, float[] Divisor, bool[] HasRows, float[] StepSize, float[] SqrtBiasCorrection2,
        float[] Beta1Weight, float[] Beta2Weight);

    /// <summary>
    /// Draws every model's permutation for one epoch and lays out the step-by-step gather indices,
    /// masks, counts and Adam bias corrections (computed in double, as torch's Adam does).
    /// </summary>
    private Plan EpochPlan(NumpyGenerator[] rngs, int[] rows, long[] offsets, int maxSteps, Recipe.TrainingRecipe recipe, int[] adamSteps)
    {
        var b = _batch;
        var index = new long[maxSteps * _m * b];
        var mask = new float[maxSteps * _m * b];
        var divisor = new float[maxSteps * _m];
        var hasRows = new bool[maxSteps * _m];
        var stepSize = new float[maxSteps * _m];
        var sqrtBc2 = new float[maxSteps * _m];
        var beta1Weight = new float[maxSteps * _m];
        var beta2Weight = new float[maxSteps * _m];
        for (var k = 0; k < _m; k++)
        {
            var perm = rngs[k].PermutationInt32(rows[k]);
            for (var s = 0; s < maxSteps; s++)
            {
                var start = s * b;
                var len = Math.Max(0, Math.Min(b, rows[k] - start));
                var cell = s * _m + k;
                divisor[cell] = Math.Max(1, len);
                hasRows[cell] = len > 0;
                if (len > 0)
                {
                    adamSteps[k]++;
                    beta1Weight[cell] = (float)(1 - recipe.Beta1);
                    beta2Weight[cell] = (float)(1 - recipe.Beta2);
                    var bc1 = 1 - Math.Pow(recipe.Beta1, adamSteps[k]);
                    var bc2 = 1 - Math.Pow(recipe.Beta2, adamSteps[k]);
                    stepSize[cell] = (float)(recipe.LearningRate / bc1);
                    sqrtBc2[cell] = (float)Math.Sqrt(bc2);
                }
                else
                {
                    sqrtBc2[cell] = 1f;
                }
                var baseAt = (long)cell * b;
                for (var i = 0; i < b; i++)
                {
                    if (i < len)
                    {
                        index[baseAt + i] = offsets[k] + perm[start + i];
                        mask[baseAt + i] = 1f;
                    }
                    else
                    {
                        index[baseAt + i] = offsets[k];
                    }
                }
            }
        }
        return new Plan(index, mask, divisor, hasRows, stepSize, sqrtBc2, beta1Weight, beta2Weight);
    }
}
