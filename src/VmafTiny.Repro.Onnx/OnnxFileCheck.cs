using Google.Protobuf;
using Onnx;

namespace VmafTiny.Repro.Onnx;

/// <summary>
/// The file itself (check VMR6104): it parses as an ONNX model (else VMR6001), declares opset 17,
/// has one input <c>features</c> float32 [N, 6] and one output <c>vmaf</c> float32 [N] (N
/// symbolic), uses only the allowed operators, keeps every tensor inside the file (no external
/// data), and ONNX Runtime loads it with the same names, shapes and type.
/// </summary>
public static class OnnxFileCheck
{
    /// <summary>Reads a model file; a truncated or corrupted file is VMR6001.</summary>
    public static ModelProto Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OnnxErrors.Unloadable(path, e.Message, e);
        }
        ModelProto model;
        try { model = ModelProto.Parser.ParseFrom(bytes); }
        catch (InvalidProtocolBufferException e)
        {
            throw OnnxErrors.Unloadable(path, $"protobuf parse failed ({e.Message})", e);
        }
        if (model.Graph is null || model.Graph.Node.Count == 0)
            throw OnnxErrors.Unloadable(path, "no graph in the file");
        return model;
    }

    /// <summary>The problems of the file against the contract (empty = conforms); loads it with ONNX Runtime too.</summary>
    public static IReadOnlyList<string> Problems(string path, IReadOnlySet<string> allowedOperators)
    {
        var model = Read(path);
        var problems = new List<string>();
        var opset = model.OpsetImport.Where(o => string.IsNullOrEmpty(o.Domain)).Select(o => o.Version).ToList();
        if (opset.Count != 1 || opset[0] != OnnxContract.Opset) problems.Add($"opset {string.Join(",", opset)} (expected {OnnxContract.Opset})");
        if (model.OpsetImport.Any(o => !string.IsNullOrEmpty(o.Domain))) problems.Add("custom operator domains");
        var g = model.Graph;
        var inits = g.Initializer.Select(i => i.Name).ToHashSet();
        var inputs = g.Input.Where(i => !inits.Contains(i.Name)).ToList();
        CheckValue(problems, "input", inputs, OnnxContract.InputName, 2);
        CheckValue(problems, "output", g.Output.ToList(), OnnxContract.OutputName, 1);
        foreach (var op in g.Node.Select(n => n.OpType).Where(op => !allowedOperators.Contains(op)).Distinct())
            problems.Add($"operator '{op}' is not allowed");
        foreach (var t in g.Initializer.Where(t => t.DataLocation == TensorProto.Types.DataLocation.External || t.ExternalData.Count > 0))
            problems.Add($"initializer '{t.Name}' is stored as external data");
        using (var ort = OrtModel.Load(path))
        {
            if (!ort.Inputs.TryGetValue(OnnxContract.InputName, out var i) || i.ElementType != typeof(float)
                || !i.Dimensions.SequenceEqual([-1, OnnxContract.FeatureCount]))
                problems.Add($"ONNX Runtime sees no input '{OnnxContract.InputName}' float32 [-1, {OnnxContract.FeatureCount}]");
            if (!ort.Outputs.TryGetValue(OnnxContract.OutputName, out var o) || o.ElementType != typeof(float) || !o.Dimensions.SequenceEqual([-1]))
                problems.Add($"ONNX Runtime sees no output '{OnnxContract.OutputName}' float32 [-1]");
        }
        return problems;
    }

    private static void CheckValue(List<string> problems, string what, List<ValueInfoProto> values, string name, int rank)
    {
        if (values.Count != 1 || values[0].Name != name)
        {
            problems.Add($"{what}s are [{string.Join(", ", values.Select(v => v.Name))}] (expected [{name}])");
            return;
        }
        var t = values[0].Type?.TensorType;
        if (t is null || t.ElemType != (int)TensorProto.Types.DataType.Float) problems.Add($"{what} '{name}' is not float32");
        var dims = t?.Shape?.Dim.ToList() ?? [];
        var ok = dims.Count == rank && !string.IsNullOrEmpty(dims[0].DimParam)
                 && (rank == 1 || dims[1].DimValue == OnnxContract.FeatureCount);
        if (!ok) problems.Add($"{what} '{name}' shape is not {(rank == 1 ? "[N]" : $"[N, {OnnxContract.FeatureCount}]")}");
    }
}
