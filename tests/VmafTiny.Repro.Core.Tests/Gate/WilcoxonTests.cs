using VmafTiny.Repro.Gate.Stats;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class WilcoxonTests
{
    // scipy.stats.wilcoxon documentation example: d = differences of two treatments (n = 15).
    private static readonly double[] ScipyDocExample = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];

    [Fact]
    public void Greater_MatchesScipyDocumentation_ExactForSmallUntiedSample()
    {
        var r = Wilcoxon.Greater(ScipyDocExample);
        Assert.True(r.Exact);
        Assert.Equal(96.0, r.StatisticPlus);
        Assert.Equal(0.0206298828125, r.PValue, 15); // scipy: wilcoxon(d, alternative='greater').pvalue
    }

    [Fact]
    public void ExactUpperTail_EqualsBruteForceEnumerationOfSignPatterns()
    {
        // d = [0.5, -0.25, 1.5, 2.0, -0.75, 3.0, 1.25]: ranks 2,1,5,6,3,7,4; T+ = 24. Enumerating all
        // 2^7 sign patterns (independently, in Python) gives 7 of 128 with T+ >= 24.
        var r = Wilcoxon.Greater([0.5, -0.25, 1.5, 2.0, -0.75, 3.0, 1.25]);
        Assert.True(r.Exact);
        Assert.Equal(24.0, r.StatisticPlus);
        Assert.Equal(7.0 / 128.0, r.PValue, 15);
    }

    [Fact]
    public void ExactUpperTail_AgreesWithInProcessEnumeration_ForEveryThresholdOfN8()
    {
        const int n = 8;
        for (var t = 0; t <= n * (n + 1) / 2; t++)
        {
            var count = 0;
            for (var mask = 0; mask < 1 << n; mask++)
            {
                var sum = 0;
                for (var i = 0; i < n; i++) if ((mask & (1 << i)) != 0) sum += i + 1;
                if (sum >= t) count++;
            }
            Assert.Equal(count / 256.0, Wilcoxon.ExactUpperTail(n, t), 15);
        }
    }

    [Fact]
    public void Greater_UsesNormalApproximationWithTieCorrection_WhenAbsoluteDifferencesTie()
    {
        // Zeros dropped (n = 10); ties among |d|; T+ = 47.5; var = 96.25 - 66/48 (Python, no continuity correction).
        var r = Wilcoxon.Greater([1, 1, 2, 2, 2, 3, -1, 4, 5, -2, 0, 0]);
        Assert.False(r.Exact);
        Assert.Equal(10, r.N);
        Assert.Equal(47.5, r.StatisticPlus);
        Assert.Equal(0.01982493986007637, r.PValue, 12);
    }

    [Fact]
    public void Greater_UsesNormalApproximation_WhenNAbove50()
    {
        var d = Enumerable.Range(0, 60).Select(i => (i + 1) * (i % 3 != 0 ? 1 : -1) * 0.01).ToArray();
        var r = Wilcoxon.Greater(d);
        Assert.False(r.Exact);
        Assert.Equal(1240.0, r.StatisticPlus, 9);
        Assert.Equal(0.008366535803851724, r.PValue, 12);
    }

    [Fact]
    public void Greater_NormalApproximation_MatchesScipyTwoSidedApproxHalved()
    {
        // scipy docs: wilcoxon(d, method='approx') -> p = 0.04088813291185591 (two-sided).
        var tied = ScipyDocExample.Concat(ScipyDocExample).ToArray(); // forces the approximation (ties)
        Assert.False(Wilcoxon.Greater(tied).Exact);
        // Hand-computed for the untied sample itself: z = (96 - 60) / sqrt(310).
        var z = 36 / Math.Sqrt(310);
        Assert.Equal(0.04088813291185591 / 2, MathNet.Numerics.Distributions.Normal.CDF(0, 1, -z), 12);
    }

    [Fact]
    public void Greater_ReturnsOne_WhenAllDifferencesAreZero()
    {
        var r = Wilcoxon.Greater([0, 0, 0, 0]);
        Assert.Equal(1.0, r.PValue);
        Assert.Equal(0, r.N);
    }

    [Fact]
    public void Greater_IsOneOver2PowN_WhenAllDifferencesPositiveAndDistinct()
    {
        Assert.Equal(1.0 / 32, Wilcoxon.Greater([0.1, 0.2, 0.3, 0.4, 0.5]).PValue, 15);
        Assert.Equal(1.0, Wilcoxon.Greater([-0.1, -0.2, -0.3, -0.4, -0.5]).PValue, 15);
    }

    [Fact]
    public void Greater_TreatsFloatRoundingAsTies_WhenTheSameShiftIsAddedToDifferentValues()
    {
        double[] values = [0.99912, 0.99788, 0.99716, 0.99934, 0.99868];
        var d = values.Select(v => (v + 0.01) - v).ToArray();
        Assert.True(d.Distinct().Count() > 1); // the raw differences are not bit-identical
        var r = Wilcoxon.Greater(d);
        Assert.False(r.Exact); // all tied: normal approximation with tie correction
        // n = 5, all ranks 3, T+ = 15, var = 13.75 - (125 - 5)/48 = 11.25.
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -7.5 / Math.Sqrt(11.25)), r.PValue, 12);
    }
}
