using MathNet.Numerics.Distributions;

namespace VmafTiny.Repro.Gate.Stats;

/// <summary>The result of a one-sided Wilcoxon signed-rank test.</summary>
/// <param name="PValue">P(T+ ≥ observed) under H0 (symmetric around zero).</param>
/// <param name="N">Non-zero differences used.</param>
/// <param name="StatisticPlus">T+: the sum of the ranks of the positive differences.</param>
/// <param name="Exact">True when the exact null distribution was used, false for the normal approximation.</param>
public sealed record WilcoxonResult(double PValue, int N, double StatisticPlus, bool Exact);

/// <summary>
/// One-sided Wilcoxon signed-rank test (H1: the differences tend to be positive), as
/// <c>scipy.stats.wilcoxon(d, alternative="greater", zero_method="wilcox", correction=False)</c>:
/// zero differences are dropped; ranks of |d| are average ranks; with at most
/// <see cref="ExactMaxN"/> differences and no ties among |d| the exact null distribution of T+ is
/// used, otherwise the normal approximation with the tie-corrected variance
/// <c>n(n+1)(2n+1)/24 − Σ(t³−t)/48</c> and no continuity correction. When every difference is
/// zero the p-value is 1.
/// Two |d| count as tied when they agree to a relative 1e-9: a shift of 0.01 added to different
/// values gives differences that differ only by float rounding.
/// </summary>
public static class Wilcoxon
{
    /// <summary>The largest n for which the exact distribution is used.</summary>
    public const int ExactMaxN = 50;

    private const double TieTolerance = 1e-9;

    /// <summary>Tests whether <paramref name="differences"/> are shifted above zero.</summary>
    public static WilcoxonResult Greater(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var d = differences.Where(x => x != 0).ToArray();
        if (d.Any(x => !double.IsFinite(x)))
            throw new ArgumentException("differences must be finite", nameof(differences));
        var n = d.Length;
        if (n == 0) return new WilcoxonResult(1.0, 0, 0, true);

        var order = Enumerable.Range(0, n).OrderBy(i => Math.Abs(d[i])).ToArray();
        var ranks = new double[n];
        var tieTerm = 0.0;
        for (var start = 0; start < n;)
        {
            var first = Math.Abs(d[order[start]]);
            var end = start + 1;
            while (end < n && Math.Abs(d[order[end]]) - first <= TieTolerance * first) end++;
            var t = end - start;
            var avg = (start + 1 + end) / 2.0;
            for (var j = start; j < end; j++) ranks[order[j]] = avg;
            if (t > 1) tieTerm += (double)t * t * t - t;
            start = end;
        }

        var tPlus = 0.0;
        for (var i = 0; i < n; i++) if (d[i] > 0) tPlus += ranks[i];

        if (n <= ExactMaxN && tieTerm == 0)
            return new WilcoxonResult(ExactUpperTail(n, (int)Math.Round(tPlus)), n, tPlus, true);

        var mean = n * (n + 1) / 4.0;
        var variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        if (variance <= 0) return new WilcoxonResult(1.0, n, tPlus, false);
        var z = (tPlus - mean) / Math.Sqrt(variance);
        return new WilcoxonResult(Normal.CDF(0, 1, -z), n, tPlus, false);
    }

    /// <summary>P(T+ ≥ t) for n untied non-zero differences: counts the sign patterns by dynamic programming.</summary>
    internal static double ExactUpperTail(int n, int t)
    {
        var max = n * (n + 1) / 2;
        // counts[s] = number of subsets of {1..k} whose sum is s; at most 2^50 < 2^53, exact in double.
        var counts = new double[max + 1];
        counts[0] = 1;
        for (var k = 1; k <= n; k++)
            for (var s = max; s >= k; s--)
                counts[s] += counts[s - k];
        var tail = 0.0;
        for (var s = Math.Max(t, 0); s <= max; s++) tail += counts[s];
        return Math.Min(1.0, tail / Math.Pow(2, n));
    }
}
