using Onnx;
using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Onnx.Tests;

public sealed class ShipGraphTests
{
    [Fact]
    public void Written_file_reads_back_as_the_contracted_graph()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus();
        var request = ShipTestData.Request(dir, x, y);
        var outcome = ShipExporter.Write(request, ShipTestData.Train(request));

        var model = OnnxFileCheck.Read(outcome.Onnx.Path);
        Assert.Equal(17, model.OpsetImport.Single(o => o.Domain == "").Version);
        Assert.Equal(["Sub", "Div", "Gemm", "Relu", "Gemm", "Relu", "Gemm", "Squeeze"], model.Graph.Node.Select(n => n.OpType));
        var shapes = model.Graph.Initializer.ToDictionary(t => t.Name, t => t.Dims.ToArray());
        Assert.Equal([6L], shapes["input_mean"]);
        Assert.Equal([6L], shapes["input_std"]);
        Assert.Equal([6L, 16L], shapes["fc0.weight"]);
        Assert.Equal([16L], shapes["fc0.bias"]);
        Assert.Equal([16L, 8L], shapes["fc1.weight"]);
        Assert.Equal([8L, 1L], shapes["fc2.weight"]);
        Assert.Equal([1L], shapes["fc2.bias"]);
        Assert.All(model.Graph.Initializer, t => Assert.NotEqual(TensorProto.Types.DataLocation.External, t.DataLocation));
        var input = Assert.Single(model.Graph.Input);
        Assert.Equal("features", input.Name);
        Assert.Equal(["N", "6"], input.Type.TensorType.Shape.Dim.Select(d => d.DimParam != "" ? d.DimParam : d.DimValue.ToString()));
        var output = Assert.Single(model.Graph.Output);
        Assert.Equal("vmaf", output.Name);
        Assert.Equal(["N"], output.Type.TensorType.Shape.Dim.Select(d => d.DimParam));
        Assert.Equal((int)TensorProto.Types.DataType.Float, output.Type.TensorType.ElemType);
    }

    [Fact]
    public void Scaler_initializers_are_the_float64_fit_over_every_row_rounded_to_float32()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus();
        var request = ShipTestData.Request(dir, x, y);
        var ship = ShipTestData.Train(request);
        var model = OnnxFileCheck.Read(ShipExporter.Write(request, ship).Onnx.Path);
        var mean = model.Graph.Initializer.Single(t => t.Name == "input_mean").FloatData;
        var std = model.Graph.Initializer.Single(t => t.Name == "input_std").FloatData;
        for (var k = 0; k < 6; k++)
        {
            var column = Enumerable.Range(0, y.Length).Select(r => x[r * 6 + k]).ToArray();
            var m = column.Average();
            Assert.Equal((float)m, mean[k]);
            Assert.Equal((float)Math.Sqrt(column.Select(v => (v - m) * (v - m)).Average()), std[k], 1e-6f);
        }
    }

    [Fact]
    public void Deeper_architecture_gets_one_gemm_per_layer_and_relu_between()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus(rows: 200);
        var request = ShipTestData.Request(dir, x, y, epochs: 1, arch: Architecture.Large);
        var model = OnnxFileCheck.Read(ShipExporter.Write(request, ShipTestData.Train(request)).Onnx.Path);
        Assert.Equal(["Sub", "Div", "Gemm", "Relu", "Gemm", "Relu", "Gemm", "Relu", "Gemm", "Squeeze"], model.Graph.Node.Select(n => n.OpType));
    }
}
