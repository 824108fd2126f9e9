namespace VmafTiny.Repro.Protocol;

/// <summary>
/// Per-fold standardisation of the recipe (README, "The recipe"; shared/docs/recipe.md beside the repository): mean and population standard deviation (ddof 0)
/// of each feature over the fold's training rows, in float64; a standard deviation below the guard
/// is replaced by 1 (a constant feature then maps to 0). The held-out rows use the same statistics.
/// Results are converted to float32 last, as the reference does when it builds tensors.
/// </summary>
public static class Standardizer
{
    public static (double[] Mean, double[] Std) Fit(double[] features, int featureCount, IReadOnlyList<int> rows, double guard)
    {
        var mean = new double[featureCount];
        var std = new double[featureCount];
        foreach (var r in rows)
            for (var j = 0; j < featureCount; j++) mean[j] += features[r * featureCount + j];
        for (var j = 0; j < featureCount; j++) mean[j] /= rows.Count;
        foreach (var r in rows)
            for (var j = 0; j < featureCount; j++)
            {
                var d = features[r * featureCount + j] - mean[j];
                std[j] += d * d;
            }
        for (var j = 0; j < featureCount; j++)
        {
            std[j] = Math.Sqrt(std[j] / rows.Count);
            if (std[j] < guard) std[j] = 1.0;
        }
        return (mean, std);
    }

    public static float[] Apply(double[] features, int featureCount, IReadOnlyList<int> rows, double[] mean, double[] std)
    {
        var result = new float[rows.Count * featureCount];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            for (var j = 0; j < featureCount; j++)
                result[i * featureCount + j] = (float)((features[r * featureCount + j] - mean[j]) / std[j]);
        }
        return result;
    }

    public static float[] Targets(double[] target, IReadOnlyList<int> rows)
    {
        var result = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++) result[i] = (float)target[rows[i]];
        return result;
    }
}
