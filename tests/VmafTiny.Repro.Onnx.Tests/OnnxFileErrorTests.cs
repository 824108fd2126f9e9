using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Onnx.Tests;

public sealed class OnnxFileErrorTests
{
    private static string Exported()
    {
        var dir = ShipTestData.TempDir();
        var (x, y) = ShipTestData.Corpus(rows: 200);
        var request = ShipTestData.Request(dir, x, y, epochs: 1);
        return ShipExporter.Write(request, ShipTestData.Train(request)).Onnx.Path;
    }

    [Fact]
    public void Truncated_file_is_VMR6001_when_read_and_when_loaded()
    {
        var path = Exported();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var read = Assert.Throws<ReproException>(() => OnnxFileCheck.Read(path));
        Assert.Equal("VMR6001", read.Code);
        Assert.Equal(ExitCodes.UsageOrInputError, read.ExitCode);
        Assert.StartsWith("error VMR6001: not a loadable ONNX model", read.ToOneLine());
        Assert.Contains(path, read.ToOneLine());
        var load = Assert.Throws<ReproException>(() => OrtModel.Load(path));
        Assert.Equal("VMR6001", load.Code);
    }

    [Fact]
    public void Corrupted_bytes_are_VMR6001_and_fail_no_check_silently()
    {
        var path = Exported();
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i < 64; i++) bytes[i] = 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.Equal("VMR6001", Assert.Throws<ReproException>(() => OnnxFileCheck.Problems(path, OnnxContract.Float32Operators)).Code);
        Assert.Equal("VMR6001", Assert.Throws<ReproException>(() => OrtModel.Load(path)).Code);
    }

    [Fact]
    public void Missing_file_is_VMR6001()
    {
        var path = Path.Combine(ShipTestData.TempDir(), "absent.onnx");
        Assert.Equal("VMR6001", Assert.Throws<ReproException>(() => OnnxFileCheck.Read(path)).Code);
    }

    [Fact]
    public void Int8_file_checked_against_the_float32_allow_list_names_the_foreign_operators()
    {
        var path = Exported();
        var int8 = path.Replace(".onnx", ".int8.onnx");
        var problems = OnnxFileCheck.Problems(int8, OnnxContract.Float32Operators);
        Assert.Contains(problems, p => p.Contains("'MatMulInteger' is not allowed"));
        Assert.Empty(OnnxFileCheck.Problems(int8, OnnxContract.Int8Operators));
        Assert.Empty(OnnxFileCheck.Problems(path, OnnxContract.Float32Operators));
    }
}
