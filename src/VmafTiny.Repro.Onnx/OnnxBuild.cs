using Google.Protobuf;
using Onnx;

namespace VmafTiny.Repro.Onnx;

/// <summary>Small builders over OnnxSharp's protobuf classes.</summary>
internal static class OnnxBuild
{
    public static TensorProto Floats(string name, float[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return t;
    }

    public static TensorProto Int64s(string name, long[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.AddRange(dims);
        t.Int64Data.AddRange(values);
        return t;
    }

    public static TensorProto Int8s(string name, sbyte[] values, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int8 };
        t.Dims.AddRange(dims);
        t.RawData = ByteString.CopyFrom(values.Select(v => unchecked((byte)v)).ToArray());
        return t;
    }

    public static NodeProto Node(string opType, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = opType, Name = name };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        n.Attribute.AddRange(attributes);
        return n;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A float32 tensor value whose dimensions are given as a symbol (string) or a size (int).</summary>
    public static ValueInfoProto FloatTensor(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d is string s ? new TensorShapeProto.Types.Dimension { DimParam = s } : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d) });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    public static ModelProto Model(GraphProto graph, string docString)
    {
        var model = new ModelProto
        {
            IrVersion = OnnxContract.IrVersion,
            ProducerName = OnnxContract.Producer,
            ProducerVersion = typeof(OnnxBuild).Assembly.GetName().Version?.ToString(3) ?? "0",
            DocString = docString,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxContract.Opset });
        return model;
    }

    /// <summary>The scaler as float32 initializers: mean and std of every feature.</summary>
    public static (float[] Mean, float[] Std) Scaler(double[] mean, double[] std) =>
        (mean.Select(v => (float)v).ToArray(), std.Select(v => (float)v).ToArray());
}
