using System.Globalization;
using VmafTiny.Repro.Export;
using VmafTiny.Repro.Metrics;

namespace VmafTiny.Repro.Onnx;

/// <summary>
/// The four checks of an exported model, each over every corpus row: parity of ONNX Runtime's
/// output with the trained network's own forward, quality against the target, the int8 drop,
/// and the files themselves.
/// </summary>
public static class ShipChecks
{
    public static (ShipFigures Figures, IReadOnlyList<ExportCheck> Checks) Run(string onnxPath, string int8Path,
        double[] features, double[] target, double[] networkForward, ExportLimits limits)
    {
        var rows = target.Length;
        var checks = new List<ExportCheck>();
        var fileProblems = OnnxFileCheck.Problems(onnxPath, OnnxContract.Float32Operators)
            .Concat(OnnxFileCheck.Problems(int8Path, OnnxContract.Int8Operators).Select(p => $"int8: {p}")).ToList();
        double[] fp32, int8;
        using (var ort = OrtModel.Load(onnxPath)) fp32 = ort.Run(features, rows);
        using (var ort = OrtModel.Load(int8Path)) int8 = ort.Run(features, rows);

        var parity = 0.0;
        for (var r = 0; r < rows; r++) parity = Math.Max(parity, Math.Abs(fp32[r] - networkForward[r]));
        if (fp32.Any(v => !double.IsFinite(v))) parity = double.PositiveInfinity;
        var plcc = Correlation.Plcc(fp32, target);
        var srocc = Correlation.Srocc(fp32, target);
        var rmse = Correlation.Rmse(fp32, target);
        var int8Plcc = Correlation.Plcc(fp32, int8);
        var drop = 1 - int8Plcc;
        var figures = new ShipFigures(rows, parity, plcc, srocc, rmse, int8Plcc, drop);

        checks.Add(new ExportCheck(ExportCheck.Parity, "parity", parity <= limits.MaxParityDelta, parity, limits.MaxParityDelta,
            F($"max |ONNX Runtime − network| over {rows} rows = {parity:G3} VMAF points (limit {limits.MaxParityDelta:G3})")));
        checks.Add(new ExportCheck(ExportCheck.Quality, "quality", plcc >= limits.MinPlcc, plcc, limits.MinPlcc,
            F($"PLCC {plcc:F4} (min {limits.MinPlcc:F4}), SROCC {srocc:F4}, RMSE {rmse:F3} over {rows} rows")));
        checks.Add(new ExportCheck(ExportCheck.Int8, "int8", drop <= limits.Int8Budget, drop, limits.Int8Budget,
            F($"drop 1 − PLCC(fp32, int8) = {drop:G3} over {rows} rows (budget {limits.Int8Budget:G3})")));
        checks.Add(new ExportCheck(ExportCheck.File, "file", fileProblems.Count == 0, fileProblems.Count, 0,
            fileProblems.Count == 0 ? "loads in ONNX Runtime; names, shapes, dtype, opset and operators as contracted; no external data"
                                    : string.Join("; ", fileProblems)));
        return (figures, checks);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
