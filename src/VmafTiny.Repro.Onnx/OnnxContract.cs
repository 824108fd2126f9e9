namespace VmafTiny.Repro.Onnx;

/// <summary>
/// The contract of a shipped model file, in one place: opset, tensor names, shapes, and the
/// operators a file may contain (an allow-list, as libvmaf's loader keeps one).
/// </summary>
public static class OnnxContract
{
    public const long Opset = 17;
    public const long IrVersion = 8;
    public const string InputName = "features";
    public const string OutputName = "vmaf";
    public const int FeatureCount = 6;
    public const string Producer = "vmaf-repro";

    /// <summary>Operators of the float32 graph: Sub → Div → Gemm → Relu → … → Gemm → Squeeze.</summary>
    public static IReadOnlySet<string> Float32Operators { get; } = new HashSet<string>(StringComparer.Ordinal) { "Sub", "Div", "Gemm", "Relu", "Squeeze" };

    /// <summary>Operators of the int8 dynamic-quantisation graph (ONNX Runtime's dynamic quantiser's shape).</summary>
    public static IReadOnlySet<string> Int8Operators { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "Sub", "Div", "DynamicQuantizeLinear", "MatMulInteger", "Cast", "Mul", "Add", "Relu", "Squeeze" };
}
