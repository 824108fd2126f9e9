using VmafTiny.Repro.Export;
using VmafTiny.Repro.Onnx;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Torch.Fused;

namespace VmafTiny.Repro.Onnx.Tests;

/// <summary>Small deterministic corpora and quickly trained ship models for the export tests.</summary>
internal static class ShipTestData
{
    public static readonly string[] FeatureNames = ["adm2", "motion2", "vif_scale0", "vif_scale1", "vif_scale2", "vif_scale3"];

    /// <summary>
    /// <paramref name="rows"/> rows of raw features with means and spreads far from 0 and 1 (so the
    /// baked-in scaler matters); the target is a smooth function of them, or pure noise.
    /// </summary>
    public static (double[] Features, double[] Target) Corpus(int rows = 600, bool noiseTarget = false, int seed = 1234)
    {
        var random = new System.Random(seed);
        var x = new double[rows * 6];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < 6; k++) x[r * 6 + k] = 10 * k + (k + 1) * (random.NextDouble() * 2 - 1);
            var u = x[r * 6] / 1.0 + 0.5 * (x[r * 6 + 1] - 10) / 2 * (x[r * 6 + 2] - 20) / 3;
            y[r] = noiseTarget ? 100 * random.NextDouble() : 50 + 20 * Math.Tanh(u) + 5 * (x[r * 6 + 3] - 30) / 4;
        }
        return (x, y);
    }

    public static ExportRequest Request(string dir, double[] features, double[] target, int epochs = 3, ExportLimits? limits = null,
        string id = "vmaf_tiny_test", Architecture? arch = null) =>
        new(id, arch ?? Architecture.Small, TrainingRecipe.Default with { Epochs = epochs, BatchSize = 64 }, 0, FeatureNames,
            features, target, dir, limits ?? ExportLimits.Default);

    public static ShipModel Train(ExportRequest request) =>
        ShipModelTrainer.Train(request.Architecture, request.Recipe, request.Seed, request.Features, request.Target, 6, CancellationToken.None);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vmaf-repro-onnx-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
