using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>
/// The trained layers of a ship model: per layer W as [in][out] row-major (the layout of an ONNX
/// <c>Gemm</c> with <c>transB = 0</c>) and b [out]; ReLU after every layer but the last.
/// </summary>
public sealed record ShipNetwork(IReadOnlyList<int> Widths, IReadOnlyList<float[]> Weights, IReadOnlyList<float[]> Biases)
{
    public int Layers => Widths.Count - 1;
    public int ParameterCount => Weights.Sum(w => w.Length) + Biases.Sum(b => b.Length);
}

/// <summary>
/// A ship model: the network, the scaler fit on every corpus row (float64, <see cref="Standardizer"/>),
/// and the network's own forward over every corpus row (float32, widened), in corpus order.
/// </summary>
public sealed record ShipModel(Architecture Architecture, int Seed, ShipNetwork Network, double[] Mean, double[] Std,
    double[] Predictions, double FinalLoss, bool Diverged);

/// <summary>
/// Trains the model that ships: one training of the recipe on the whole corpus
/// (no held-out fold; the scaler is fit on all rows), on the fused engine.
/// </summary>
public static class ShipModelTrainer
{
    public static ShipModel Train(Architecture architecture, TrainingRecipe recipe, int seed, double[] features, double[] target,
        int featureCount, CancellationToken cancellationToken, SimdPath? simd = null)
    {
        var rows = Enumerable.Range(0, target.Length).ToArray();
        var (mean, std) = Standardizer.Fit(features, featureCount, rows, recipe.StdGuard);
        var x = Standardizer.Apply(features, featureCount, rows, mean, std);
        var job = new TrainingJob(architecture, recipe, seed, "all", featureCount, x, Standardizer.Targets(target, rows), x);
        var (net, outcome) = (simd ?? SimdPaths.Best) switch
        {
            SimdPath.Avx512 => Run(new FusedTrainer<Vec16Avx512>(job), t => t.Network, (t, c) => t.Train(c), cancellationToken),
            SimdPath.Avx2 => Run(new FusedTrainer<Vec16Avx2>(job), t => t.Network, (t, c) => t.Train(c), cancellationToken),
            SimdPath.V128 => Run(new FusedTrainer<Vec16V128>(job), t => t.Network, (t, c) => t.Train(c), cancellationToken),
            _ => Run(new FusedTrainer<Vec16Portable>(job), t => t.Network, (t, c) => t.Train(c), cancellationToken),
        };
        cancellationToken.ThrowIfCancellationRequested();
        return new ShipModel(architecture, seed, Unpack(net), mean, std, outcome!.Predictions, outcome.FinalLoss, outcome.Diverged);
    }

    private static (FusedNetwork, TrainingOutcome?) Run<T>(T trainer, Func<T, FusedNetwork> network,
        Func<T, CancellationToken, TrainingOutcome?> train, CancellationToken cancellationToken) =>
        (network(trainer), train(trainer, cancellationToken));

    private static ShipNetwork Unpack(FusedNetwork net)
    {
        var weights = new float[net.Layers][];
        var biases = new float[net.Layers][];
        for (var l = 0; l < net.Layers; l++)
        {
            int nIn = net.Widths[l], nOut = net.Widths[l + 1];
            weights[l] = net.Parameters.AsSpan(net.WeightOffsets[l], nIn * nOut).ToArray();
            biases[l] = net.Parameters.AsSpan(net.BiasOffsets[l], nOut).ToArray();
        }
        return new ShipNetwork(net.Widths, weights, biases);
    }
}
