using VmafTiny.Repro.Export;
using VmafTiny.Repro.Metrics;

namespace VmafTiny.Repro.Onnx.Tests;

public sealed class ShipCheckTests
{
    [Fact]
    public void Onnx_runtime_output_matches_the_networks_own_forward_on_every_row()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus(rows: 1000);
        var request = ShipTestData.Request(dir, x, y, epochs: 5);
        var ship = ShipTestData.Train(request);
        var outcome = ShipExporter.Write(request, ship);

        using var ort = OrtModel.Load(outcome.Onnx.Path);
        var onnx = ort.Run(x, y.Length);
        var maxDelta = onnx.Zip(ship.Predictions, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDelta <= 1e-4, $"max |Δ| {maxDelta}");
        var parity = outcome.Checks.Single(c => c.Code == ExportCheck.Parity);
        Assert.True(parity.Passed);
        Assert.Equal(maxDelta, parity.Figure);
        Assert.Equal(1000, outcome.Figures.Rows);
    }

    [Fact]
    public void Int8_drop_is_one_minus_plcc_of_fp32_and_int8_outputs_over_every_row()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus(rows: 800);
        var request = ShipTestData.Request(dir, x, y, epochs: 5);
        var outcome = ShipExporter.Write(request, ShipTestData.Train(request));

        using var fp32 = OrtModel.Load(outcome.Onnx.Path);
        using var int8 = OrtModel.Load(outcome.Int8.Path);
        var a = fp32.Run(x, y.Length);
        var b = int8.Run(x, y.Length);
        Assert.NotEqual(a, b); // the int8 model really quantises
        var drop = 1 - Correlation.Plcc(a, b);
        var check = outcome.Checks.Single(c => c.Code == ExportCheck.Int8);
        Assert.Equal(drop, check.Figure, 12);
        Assert.Equal(drop, outcome.Figures.Int8Drop, 12);
        Assert.Equal(check.Figure <= 0.01, check.Passed);
        var graph = OnnxFileCheck.Read(outcome.Int8.Path).Graph;
        Assert.Equal(3, graph.Node.Count(n => n.OpType == "MatMulInteger"));
        Assert.Equal(3, graph.Node.Count(n => n.OpType == "DynamicQuantizeLinear"));
        Assert.DoesNotContain(graph.Node, n => n.OpType == "Gemm");
        Assert.Equal((int)global::Onnx.TensorProto.Types.DataType.Int8, graph.Initializer.Single(t => t.Name == "fc0.weight_quantized").DataType);
    }

    [Fact]
    public void Int8_budget_smaller_than_the_measured_drop_fails_the_int8_check()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus(rows: 400);
        var request = ShipTestData.Request(dir, x, y, epochs: 2, limits: new ExportLimits(Int8Budget: 0));
        var outcome = ShipExporter.Write(request, ShipTestData.Train(request));
        var check = outcome.Checks.Single(c => c.Code == ExportCheck.Int8);
        Assert.True(check.Figure > 0);
        Assert.False(check.Passed);
        Assert.False(outcome.Passed);
    }

    [Fact]
    public void Model_whose_plcc_is_below_min_plcc_gets_a_failing_quality_verdict()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus(rows: 500, noiseTarget: true);
        var request = ShipTestData.Request(dir, x, y, epochs: 1);
        var outcome = ShipExporter.Write(request, ShipTestData.Train(request));
        var quality = outcome.Checks.Single(c => c.Code == ExportCheck.Quality);
        Assert.True(quality.Figure < 0.97, $"PLCC {quality.Figure}");
        Assert.False(quality.Passed);
        Assert.False(outcome.Passed);
        Assert.Contains("PLCC", quality.Detail);
        Assert.True(outcome.Checks.Single(c => c.Code == ExportCheck.File).Passed);
    }

    [Fact]
    public void Quality_figures_are_plcc_srocc_rmse_of_the_onnx_output_against_the_target_over_every_row()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus(rows: 700);
        var request = ShipTestData.Request(dir, x, y, epochs: 4, limits: new ExportLimits(MinPlcc: -1));
        var outcome = ShipExporter.Write(request, ShipTestData.Train(request));
        using var ort = OrtModel.Load(outcome.Onnx.Path);
        var onnx = ort.Run(x, y.Length);
        Assert.Equal(Correlation.Plcc(onnx, y), outcome.Figures.Plcc, 12);
        Assert.Equal(Correlation.Srocc(onnx, y), outcome.Figures.Srocc, 12);
        Assert.Equal(Correlation.Rmse(onnx, y), outcome.Figures.Rmse, 9);
        Assert.True(outcome.Checks.Single(c => c.Code == ExportCheck.Quality).Passed);
    }
}
