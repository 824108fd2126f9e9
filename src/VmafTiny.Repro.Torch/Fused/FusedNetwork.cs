using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>
/// One model's parameters in one flat float32 array, layer after layer: W as [in][out] (row-major by
/// input), then b [out]; padded to a multiple of 16 so that Adam runs over whole vectors.
/// </summary>
internal sealed class FusedNetwork
{
    public FusedNetwork(IReadOnlyList<int> widths)
    {
        Widths = widths.ToArray();
        var layers = Widths.Length - 1;
        WeightOffsets = new int[layers];
        BiasOffsets = new int[layers];
        var at = 0;
        for (var l = 0; l < layers; l++)
        {
            WeightOffsets[l] = at;
            at += Widths[l] * Widths[l + 1];
            BiasOffsets[l] = at;
            at += Widths[l + 1];
        }
        ParameterCount = at;
        PaddedLength = (at + 15) / 16 * 16;
        Parameters = new float[PaddedLength];
    }

    public int[] Widths { get; }
    public int Layers => Widths.Length - 1;
    public int[] WeightOffsets { get; }
    public int[] BiasOffsets { get; }
    public int ParameterCount { get; }
    public int PaddedLength { get; }
    public float[] Parameters { get; }

    /// <summary>The network PyTorch builds for (<paramref name="architecture"/>, <paramref name="seed"/>), bit for bit (libtorch draws the initial weights; nothing else of it is used).</summary>
    public static FusedNetwork Initial(Architecture architecture, int inputs, int seed)
    {
        var net = new FusedNetwork(architecture.LayerWidths(inputs));
        using var model = MlpFactory.Create(architecture, inputs, seed);
        var state = MlpFactory.StateDict(model);
        for (var l = 0; l < net.Layers; l++)
        {
            var weight = state[2 * l].Values; // torch's [out][in]
            var bias = state[2 * l + 1].Values;
            int nIn = net.Widths[l], nOut = net.Widths[l + 1];
            for (var o = 0; o < nOut; o++)
                for (var i = 0; i < nIn; i++)
                    net.Parameters[net.WeightOffsets[l] + i * nOut + o] = weight[o * nIn + i];
            bias.CopyTo(net.Parameters, net.BiasOffsets[l]);
        }
        return net;
    }
}
