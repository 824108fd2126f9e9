using System.Diagnostics;
using TorchSharp;
using VmafTiny.Repro.Random;
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
        var (weights, biases) = InitialParameters();
        var moments = weights.Concat(biases).Select(p => (M: torch.zeros_like(p), V: torch.zeros_like(p))).ToList();
        var parameters = weights.Concat(biases).ToList();

        // Each distinct training set (fold) is stored once; models index into it with an offset.
        var (xAll, yAll, offsets) = StackTrainingData();
        var rngs = _jobs.Select(j => new NumpyGenerator(j.Seed)).ToArray();
        var rows = _jobs.Select(j => j.TrainRows).ToArray();
        var stepsPerModel = rows.Select(n => (n + _batch - 1) / _batch).ToArray();
        var maxSteps = stepsPerModel.Max();
        var adamSteps = new int[_m];
        var lastLoss = torch.full(_m, float.NaN);
        lastLoss = lastLoss.MoveToOuterDisposeScope();

        for (var epoch = 0; epoch < recipe.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested) return null;
            using var epochScope = torch.NewDisposeScope();
            var plan = EpochPlan(rngs, rows, offsets, maxSteps, recipe, adamSteps);
            var index = torch.tensor(plan.Index, [maxSteps, _m * _batch]);
            var mask = torch.tensor(plan.Mask, [maxSteps, _m, _batch, 1]);
            var counts = torch.tensor(plan.Counts, [maxSteps, _m]);
            var stepSize = torch.tensor(plan.StepSize, [maxSteps, _m, 1, 1]);
            var sqrtBc2 = torch.tensor(plan.SqrtBiasCorrection2, [maxSteps, _m, 1, 1]);
            var active = torch.tensor(plan.Active, [maxSteps, _m, 1, 1]);
            for (var s = 0; s < maxSteps; s++)
            {
                using var stepScope = torch.NewDisposeScope();
                var xb = xAll.index_select(0, index[s]).view(_m, _batch, _f);
                var yb = yAll.index_select(0, index[s]).view(_m, _batch, 1);
                foreach (var p in parameters) p.grad?.zero_();
                var h = xb;
                for (var l = 0; l < weights.Count; l++)
                {
                    h = torch.bmm(h, weights[l]).add_(biases[l]);
                    if (l + 1 < weights.Count) h = torch.nn.functional.relu(h);
                }
                var diff = (h - yb) * mask[s];
                var perModel = diff.square().sum([1, 2]) / counts[s].clamp_min(1);
                perModel.sum().backward();
                using (torch.no_grad())
                {
                    var act = active[s];
                    var b1Weight = act * (float)(1 - recipe.Beta1);
                    var b2Weight = act * (float)(1 - recipe.Beta2);
                    for (var i = 0; i < parameters.Count; i++)
                    {
                        var p = parameters[i];
                        var g = p.grad!;
                        var (m, v) = moments[i];
                        m.lerp_(g, b1Weight);
                        v.lerp_(g.square(), b2Weight);
                        var denom = (v.sqrt() / sqrtBc2[s]).add_(recipe.AdamEpsilon);
                        p.sub_(stepSize[s] * m / denom);
                    }
                    var lossNow = perModel.detach();
                    lastLoss.copy_(torch.where(counts[s] > 0, lossNow, lastLoss));
                }
                if (stepLosses is not null) stepLosses.Add(perModel.detach().data<float>().ToArray());
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
                var h = torch.tensor(job.TestX, [job.TestRows, _f]);
                for (var l = 0; l < weights.Count; l++)
                {
                    h = torch.addmm(biases[l][k], h, weights[l][k], beta: 1, alpha: 1);
                    if (l + 1 < weights.Count) h = torch.nn.functional.relu(h);
                }
                var pred = Array.ConvertAll(h.reshape(-1).data<float>().ToArray(), p => (double)p);
                var diverged = !float.IsFinite(losses[k]) || pred.Any(p => !double.IsFinite(p));
                // Wall time of a stacked training is the stack's time shared equally.
                outcomes.Add(new TrainingOutcome(job, pred, losses[k], diverged, sw.Elapsed / _m));
            }
        }
        return outcomes;
    }

    /// <summary>Each model's initial parameters exactly as the sequential engine builds them, stacked: W [m, in, out], b [m, 1, out].</summary>
    private (List<Tensor> Weights, List<Tensor> Biases) InitialParameters()
    {
        var perModel = _jobs.Select(j =>
        {
            using var model = MlpFactory.Create(j.Architecture, _f, j.Seed);
            return model.parameters().Select(p => p.detach().clone()).ToList();
        }).ToList();
        var layers = perModel[0].Count / 2;
        var weights = new List<Tensor>();
        var biases = new List<Tensor>();
        for (var l = 0; l < layers; l++)
        {
            weights.Add(torch.stack(perModel.Select(p => p[2 * l].t()).ToList()).contiguous().requires_grad_(true));
            biases.Add(torch.stack(perModel.Select(p => p[2 * l + 1].unsqueeze(0)).ToList()).contiguous().requires_grad_(true));
        }
        foreach (var t in perModel.SelectMany(p => p)) t.Dispose();
        return (weights, biases);
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

    private sealed record Plan(long[] Index, float[] Mask, float[] Counts, float[] StepSize, float[] SqrtBiasCorrection2, float[] Active);

    /// <summary>
    /// Draws every model's permutation for one epoch and lays out the step-by-step gather indices,
    /// masks, counts and Adam bias corrections (computed in double, as torch's Adam does).
    /// </summary>
    private Plan EpochPlan(NumpyGenerator[] rngs, int[] rows, long[] offsets, int maxSteps, Recipe.TrainingRecipe recipe, int[] adamSteps)
    {
        var b = _batch;
        var index = new long[maxSteps * _m * b];
        var mask = new float[maxSteps * _m * b];
        var counts = new float[maxSteps * _m];
        var stepSize = new float[maxSteps * _m];
        var sqrtBc2 = new float[maxSteps * _m];
        var active = new float[maxSteps * _m];
        for (var k = 0; k < _m; k++)
        {
            var perm = rngs[k].PermutationInt32(rows[k]);
            for (var s = 0; s < maxSteps; s++)
            {
                var start = s * b;
                var len = Math.Max(0, Math.Min(b, rows[k] - start));
                var cell = s * _m + k;
                counts[cell] = len;
                if (len > 0)
                {
                    adamSteps[k]++;
                    active[cell] = 1f;
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
        return new Plan(index, mask, counts, stepSize, sqrtBc2, active);
    }
}
