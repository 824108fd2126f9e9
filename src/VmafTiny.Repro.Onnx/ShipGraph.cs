using Onnx;
using VmafTiny.Repro.Torch.Fused;
using static VmafTiny.Repro.Onnx.OnnxBuild;

namespace VmafTiny.Repro.Onnx;

/// <summary>
/// The float32 ship graph: <c>features</c> [N, 6] → Sub(mean) → Div(std) → Gemm → Relu → … → Gemm
/// → Squeeze(axis 1) → <c>vmaf</c> [N]. The scaler and the weights are initializers (no external
/// data); no output clip.
/// </summary>
public static class ShipGraph
{
    public static ModelProto Build(ShipModel model, string id)
    {
        var net = model.Network;
        var graph = new GraphProto { Name = id };
        graph.Input.Add(FloatTensor(OnnxContract.InputName, "N", net.Widths[0]));
        graph.Output.Add(FloatTensor(OnnxContract.OutputName, "N"));
        var (mean, std) = Scaler(model.Mean, model.Std);
        graph.Initializer.Add(Floats("input_mean", mean, mean.Length));
        graph.Initializer.Add(Floats("input_std", std, std.Length));
        graph.Node.Add(Node("Sub", "center", [OnnxContract.InputName, "input_mean"], ["centered"]));
        graph.Node.Add(Node("Div", "scale", ["centered", "input_std"], ["standardized"]));
        var current = "standardized";
        for (var l = 0; l < net.Layers; l++)
        {
            int nIn = net.Widths[l], nOut = net.Widths[l + 1];
            graph.Initializer.Add(Floats($"fc{l}.weight", net.Weights[l], nIn, nOut));
            graph.Initializer.Add(Floats($"fc{l}.bias", net.Biases[l], nOut));
            var output = $"fc{l}";
            graph.Node.Add(Node("Gemm", $"gemm{l}", [current, $"fc{l}.weight", $"fc{l}.bias"], [output],
                Float("alpha", 1f), Float("beta", 1f), Int("transA", 0), Int("transB", 0)));
            current = output;
            if (l + 1 < net.Layers)
            {
                graph.Node.Add(Node("Relu", $"relu{l}", [current], [$"relu{l}"]));
                current = $"relu{l}";
            }
        }
        graph.Initializer.Add(Int64s("squeeze_axes", [1], 1));
        graph.Node.Add(Node("Squeeze", "squeeze", [current, "squeeze_axes"], [OnnxContract.OutputName]));
        return Model(graph, $"{id}: {model.Architecture.Name} ({model.Architecture.Shape(net.Widths[0])}), scaler baked in, seed {model.Seed}");
    }
}
