using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Torch.Fused;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Torch.Tests.Fused;

/// <summary>Small deterministic jobs and the SIMD paths this CPU runs, for the fused engine's tests.</summary>
internal static class FusedTestData
{
    /// <summary>Every path this CPU runs natively (always includes portable).</summary>
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var p in SimdPaths.Supported) data.Add(SimdPaths.Name(p));
        return data;
    }

    public static SimdPath Path(string name) => SimdPaths.Resolve(name);

    /// <summary>
    /// A job on smooth synthetic data: <paramref name="rows"/> training rows (not a multiple of the
    /// batch, so the last batch is short), 6 features, target a smooth function of them.
    /// </summary>
    public static TrainingJob Job(Architecture arch, int seed, int rows = 700, int testRows = 150, int epochs = 3, int batch = 256)
    {
        var random = new System.Random(1234);
        float[] Features(int n) => Enumerable.Range(0, n * 6).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var x = Features(rows);
        var y = new float[rows];
        for (var r = 0; r < rows; r++)
            y[r] = 50 + 20 * MathF.Tanh(x[r * 6] + 0.5f * x[r * 6 + 1] * x[r * 6 + 2]) + 5 * x[r * 6 + 3];
        var recipe = TrainingRecipe.Default with { Epochs = epochs, BatchSize = batch };
        return new TrainingJob(arch, recipe, seed, "fold0", 6, x, y, Features(testRows));
    }
}
