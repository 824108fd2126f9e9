using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Evaluation;

/// <summary>
/// Floating-point operations of training: per sample and epoch, forward 2·Σ in·out, backward twice
/// that (input and weight gradients), so 6·Σ in·out; activations, loss and Adam are ignored (small).
/// </summary>
public static class FlopCount
{
    public static double PerSampleStep(Architecture arch, int inputs)
    {
        var w = arch.LayerWidths(inputs);
        double macs = 0;
        for (var i = 0; i + 1 < w.Count; i++) macs += (double)w[i] * w[i + 1];
        return 6 * macs;
    }

    /// <summary>FLOPs of one training on <paramref name="trainRows"/> rows.</summary>
    public static double Training(Architecture arch, int inputs, int trainRows, int epochs) =>
        PerSampleStep(arch, inputs) * trainRows * epochs;
}
