namespace VmafTiny.Repro.Metrics;

/// <summary>
/// The per-(fold, seed) metrics of the recipe, computed as SciPy 1.10 does: Pearson (<c>pearsonr</c>),
/// Spearman with average ranks for ties (<c>spearmanr</c>), Kendall tau-b (<c>kendalltau</c>), and RMSE.
/// Sums are compensated, so results agree with SciPy to ~1e-12 relative. An undefined correlation
/// (a constant side, or a NaN input) is <see cref="double.NaN"/>, never an exception.
/// </summary>
public static partial class Correlation
{
    /// <summary>Pearson's linear correlation coefficient (PLCC), clamped to [-1, 1].</summary>
    /// <returns>NaN when either side is constant or contains NaN.</returns>
    /// <exception cref="ArgumentException">Lengths differ or there are fewer than 2 points.</exception>
    public static double Plcc(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Validate(x, y);
        if (IsConstant(x) || IsConstant(y))
            return double.NaN;

        // scipy.stats.pearsonr: r = dot(xm / |xm|, ym / |ym|) with xm, ym the centred inputs.
        var n = x.Length;
        var xMean = NeumaierSum.Of(x) / n;
        var yMean = NeumaierSum.Of(y) / n;
        var xx = default(NeumaierSum);
        var yy = default(NeumaierSum);
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - xMean;
            var dy = y[i] - yMean;
            xx.Add(dx * dx);
            yy.Add(dy * dy);
        }
        var xNorm = Math.Sqrt(xx.Value);
        var yNorm = Math.Sqrt(yy.Value);

        var dot = default(NeumaierSum);
        for (var i = 0; i < n; i++)
            dot.Add(((x[i] - xMean) / xNorm) * ((y[i] - yMean) / yNorm));
        return Clamp(dot.Value);
    }

    /// <summary>Root mean squared error of <paramref name="prediction"/> against <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ or there are fewer than 2 points.</exception>
    public static double Rmse(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target)
    {
        Validate(prediction, target);
        var sum = default(NeumaierSum);
        for (var i = 0; i < prediction.Length; i++)
        {
            var d = prediction[i] - target[i];
            sum.Add(d * d);
        }
        return Math.Sqrt(sum.Value / prediction.Length);
    }

    private static void Validate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"The two inputs must have the same length (got {x.Length} and {y.Length}).");
        if (x.Length < 2)
            throw new ArgumentException($"At least 2 points are needed (got {x.Length}).");
    }

    /// <summary>True when every value equals the first (SciPy's constant-input test; false with NaN).</summary>
    private static bool IsConstant(ReadOnlySpan<double> values)
    {
        var first = values[0];
        foreach (var v in values)
        {
            if (v != first)
                return false;
        }
        return true;
    }

    private static bool ContainsNaN(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
                return true;
        }
        return false;
    }

    /// <summary>Clamps to [-1, 1]; NaN stays NaN.</summary>
    private static double Clamp(double r) => r > 1.0 ? 1.0 : r < -1.0 ? -1.0 : r;
}
