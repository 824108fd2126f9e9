using TorchSharp;
using TorchSharp.Modules;
using VmafTiny.Repro.Recipe;
using static TorchSharp.torch;

namespace VmafTiny.Repro.Torch;

/// <summary>Builds the recipe's Sequential(Linear, ReLU, ..., Linear) exactly as PyTorch does.</summary>
internal static class MlpFactory
{
    /// <summary>
    /// <c>torch.manual_seed(seed)</c>, then the layers in order, under the global seed lock so that
    /// concurrent trainings cannot interleave draws from torch's global generator.
    /// </summary>
    public static Sequential Create(Architecture architecture, int inputs, int seed)
    {
        lock (TorchRuntime.SeedLock)
        {
            torch.random.manual_seed(seed);
            var widths = architecture.LayerWidths(inputs);
            var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (var i = 0; i + 1 < widths.Count; i++)
            {
                layers.Add(((2 * i).ToString(System.Globalization.CultureInfo.InvariantCulture), nn.Linear(widths[i], widths[i + 1])));
                if (i + 2 < widths.Count)
                    layers.Add(((2 * i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), nn.ReLU()));
            }
            return nn.Sequential(layers);
        }
    }

    /// <summary>The weights and biases in state_dict order ("0.weight", "0.bias", "2.weight", ...), as float32.</summary>
    public static IReadOnlyList<(string Name, float[] Values, long[] Shape)> StateDict(Sequential model) =>
        model.state_dict().Select(kv => (kv.Key, kv.Value.data<float>().ToArray(), kv.Value.shape)).ToList();
}
