namespace VmafTiny.Repro.Gate.Stats;

/// <summary>Holm–Bonferroni step-down adjustment of a family of p-values.</summary>
public static class Holm
{
    /// <summary>
    /// Adjusted p-values in the input order: sort ascending, p(i) × (m − i) for the i-th smallest
    /// (0-based), made monotone non-decreasing by a running maximum, capped at 1. NaN inputs stay NaN
    /// and do not count in m.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var result = new double[pValues.Count];
        var idx = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i]))
            .OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        for (var i = 0; i < result.Length; i++) result[i] = double.NaN;
        var m = idx.Length;
        var running = 0.0;
        for (var i = 0; i < m; i++)
        {
            running = Math.Max(running, Math.Min(1.0, pValues[idx[i]] * (m - i)));
            result[idx[i]] = running;
        }
        return result;
    }
}
