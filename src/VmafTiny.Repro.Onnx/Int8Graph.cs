using Onnx;
using VmafTiny.Repro.Torch.Fused;
using static VmafTiny.Repro.Onnx.OnnxBuild;

namespace VmafTiny.Repro.Onnx;

/// <summary>
/// The int8 dynamic-quantisation graph, written as ONNX Runtime's dynamic quantiser writes a
/// MatMul: each layer's weights become one int8 tensor with one scale (symmetric, zero point 0,
/// scale = max|W| / 127); the activation goes through DynamicQuantizeLinear (uint8, its own scale
/// and zero point per call); MatMulInteger gives int32, Cast to float, times x_scale · w_scale,
/// plus the float32 bias. The scaler (Sub, Div), ReLU and Squeeze stay float32.
/// </summary>
public static class Int8Graph
{
    public static ModelProto Build(ShipModel model, string id)
    {
        var net = model.Network;
        var graph = new GraphProto { Name = id + ".int8" };
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
            var (q, scale) = QuantizeSymmetric(net.Weights[l]);
            var p = $"fc{l}";
            graph.Initializer.Add(Int8s($"{p}.weight_quantized", q, nIn, nOut));
            graph.Initializer.Add(Floats($"{p}.weight_scale", [scale]));
            graph.Initializer.Add(Int8s($"{p}.weight_zero_point", [0]));
            graph.Initializer.Add(Floats($"{p}.bias", net.Biases[l], nOut));
            graph.Node.Add(Node("DynamicQuantizeLinear", $"{p}_quant", [current], [$"{p}_x_q", $"{p}_x_scale", $"{p}_x_zero_point"]));
            graph.Node.Add(Node("MatMulInteger", $"{p}_matmul", [$"{p}_x_q", $"{p}.weight_quantized", $"{p}_x_zero_point", $"{p}.weight_zero_point"], [$"{p}_int32"]));
            graph.Node.Add(Node("Cast", $"{p}_cast", [$"{p}_int32"], [$"{p}_float"], Int("to", (int)TensorProto.Types.DataType.Float)));
            graph.Node.Add(Node("Mul", $"{p}_scales", [$"{p}_x_scale", $"{p}.weight_scale"], [$"{p}_scale"]));
            graph.Node.Add(Node("Mul", $"{p}_rescale", [$"{p}_float", $"{p}_scale"], [$"{p}_rescaled"]));
            graph.Node.Add(Node("Add", $"{p}_bias", [$"{p}_rescaled", $"{p}.bias"], [p]));
            current = p;
            if (l + 1 < net.Layers)
            {
                graph.Node.Add(Node("Relu", $"relu{l}", [current], [$"relu{l}"]));
                current = $"relu{l}";
            }
        }
        graph.Initializer.Add(Int64s("squeeze_axes", [1], 1));
        graph.Node.Add(Node("Squeeze", "squeeze", [current, "squeeze_axes"], [OnnxContract.OutputName]));
        return Model(graph, $"{id}: int8 dynamic quantisation (weights int8 per tensor, activations uint8 per call)");
    }

    /// <summary>Symmetric per-tensor int8: scale = max|W| / 127 (1 when all zero), q = round(W / scale) clamped to [-127, 127].</summary>
    internal static (sbyte[] Values, float Scale) QuantizeSymmetric(float[] weights)
    {
        var maxAbs = weights.Length == 0 ? 0f : weights.Max(MathF.Abs);
        var scale = maxAbs > 0 ? maxAbs / 127f : 1f;
        var q = weights.Select(w => (sbyte)Math.Clamp(MathF.Round(w / scale, MidpointRounding.ToEven), -127f, 127f)).ToArray();
        return (q, scale);
    }
}
