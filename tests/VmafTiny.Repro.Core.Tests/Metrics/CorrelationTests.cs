using VmafTiny.Repro.Metrics;

namespace VmafTiny.Repro.Tests.Metrics;

public sealed class CorrelationTests
{
    [Fact]
    public void AverageRanks_GivesTiesTheMeanOfTheirRanks()
    {
        Assert.Equal([2.5, 1.0, 4.0, 2.5, 6.0, 6.0, 6.0], Correlation.AverageRanks([3, 1, 7, 3, 9, 9, 9]));
    }

    [Fact]
    public void AverageRanks_IsOneToN_WithoutTies()
    {
        Assert.Equal([3.0, 1.0, 2.0, 4.0], Correlation.AverageRanks([0.5, -2, 0.1, 8]));
    }

    [Fact]
    public void AverageRanks_TreatsNegativeAndPositiveZeroAsTied()
    {
        Assert.Equal([1.5, 1.5, 3.0], Correlation.AverageRanks([-0.0, 0.0, 1.0]));
    }

    [Fact]
    public void AverageRanks_OfEmptyInput_IsEmpty()
    {
        Assert.Empty(Correlation.AverageRanks([]));
    }

    [Fact]
    public void AverageRanks_AreAllNaN_WhenInputHasNaN()
    {
        Assert.All(Correlation.AverageRanks([1, double.NaN, 2]), r => Assert.True(double.IsNaN(r)));
    }

    [Fact]
    public void Srocc_UsesAverageRanks_WhenTargetHasTies()
    {
        // VMAF clips at 100: three tied targets. With average ranks the target ranks are
        // [1, 2, 4, 4, 4] and SROCC is the Pearson correlation of [1..5] with them.
        double[] pred = [10, 20, 30, 40, 50];
        double[] target = [50, 60, 100, 100, 100];
        var expected = Correlation.Plcc([1, 2, 3, 4, 5], [1, 2, 4, 4, 4]);
        Assert.Equal(expected, Correlation.Srocc(pred, target), 15);
        Assert.Equal(2 / Math.Sqrt(5), expected, 1e-15); // centred sums: 8 / sqrt(10 * 8)
    }

    [Fact]
    public void Krocc_CountsTiesAsTauB()
    {
        // Pairs: 10 total; x ties 0; y ties 3 (the three 100s); discordant 0 -> tau-b = 7 / sqrt(10 * 7).
        double[] pred = [10, 20, 30, 40, 50];
        double[] target = [50, 60, 100, 100, 100];
        Assert.Equal(7 / Math.Sqrt(10) / Math.Sqrt(7), Correlation.Krocc(pred, target), 15);
    }

    [Fact]
    public void Plcc_IsOne_ForAnExactLinearRelation()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        Assert.Equal(1.0, Correlation.Plcc(x, x.Select(v => (3 * v) + 7).ToArray()), 14);
        Assert.Equal(-1.0, Correlation.Plcc(x, x.Select(v => 2 - v).ToArray()), 14);
    }

    [Fact]
    public void Plcc_MatchesTheClosedForm_ForASmallExample()
    {
        // x = [1,2,3], y = [1,3,2]: cov = 0.5, var x = var y = 1 -> r = 0.5.
        Assert.Equal(0.5, Correlation.Plcc([1, 2, 3], [1, 3, 2]), 15);
    }

    [Fact]
    public void Plcc_IsAccurate_WithALargeOffset()
    {
        // A naive one-pass formula loses every digit here; centring first keeps them.
        double[] x = [1e9 + 1, 1e9 + 2, 1e9 + 3];
        Assert.Equal(0.5, Correlation.Plcc(x, [1, 3, 2]), 12);
    }

    [Fact]
    public void Rmse_IsZero_ForIdenticalInputs_AndMatchesHandValue()
    {
        Assert.Equal(0.0, Correlation.Rmse([1, 2, 3], [1, 2, 3]));
        // errors 3, 4 -> sqrt((9 + 16) / 2)
        Assert.Equal(Math.Sqrt(12.5), Correlation.Rmse([3, 0], [0, 4]), 15);
    }

    [Theory]
    [InlineData("plcc")]
    [InlineData("srocc")]
    [InlineData("krocc")]
    public void Correlations_AreNaN_WhenPredictionIsConstant(string metric)
    {
        double[] constant = [5, 5, 5, 5];
        double[] varying = [1, 2, 3, 4];
        Assert.True(double.IsNaN(Compute(metric, constant, varying)));
        Assert.True(double.IsNaN(Compute(metric, varying, constant)));
    }

    [Theory]
    [InlineData("plcc")]
    [InlineData("srocc")]
    [InlineData("krocc")]
    public void Correlations_AreNaN_WhenAnInputHasNaN(string metric)
    {
        Assert.True(double.IsNaN(Compute(metric, [1, double.NaN, 3, 4], [1, 2, 3, 4])));
    }

    [Theory]
    [InlineData("plcc")]
    [InlineData("srocc")]
    [InlineData("krocc")]
    [InlineData("rmse")]
    public void Metrics_Throw_WhenLengthsDiffer(string metric)
    {
        var e = Assert.Throws<ArgumentException>(() => Compute(metric, [1, 2, 3], [1, 2]));
        Assert.Contains("same length", e.Message);
    }

    [Theory]
    [InlineData("plcc")]
    [InlineData("srocc")]
    [InlineData("krocc")]
    [InlineData("rmse")]
    public void Metrics_Throw_WithFewerThanTwoPoints(string metric)
    {
        Assert.Throws<ArgumentException>(() => Compute(metric, [1], [2]));
        Assert.Throws<ArgumentException>(() => Compute(metric, [], []));
    }

    [Fact]
    public void Krocc_IsNaN_WhenEveryPairIsTied()
    {
        Assert.True(double.IsNaN(Correlation.Krocc([2, 2, 2], [1, 2, 3])));
    }

    [Fact]
    public void Krocc_IsOne_ForTwoIncreasingPoints()
    {
        Assert.Equal(1.0, Correlation.Krocc([1, 2], [3, 4]));
        Assert.Equal(-1.0, Correlation.Krocc([1, 2], [4, 3]));
    }

    [Theory]
    [InlineData(1, 2000, 0)]
    [InlineData(2, 2000, 1)]
    [InlineData(3, 2000, 2)]
    [InlineData(4, 1999, 3)]
    public void Krocc_MatchesQuadraticReference_OnRandomInputWithTies(int seed, int n, int decimals)
    {
        var (x, y) = RandomPairs(seed, n, decimals);
        var expected = QuadraticTauB(x, y);
        Assert.Equal(expected, Correlation.Krocc(x, y), 1e-13);
    }

    // Its speed (O(n log n)) is not asserted here (a wall-clock limit fails on a loaded machine): it is a figure for `bench`.
    [Fact]
    public void Krocc_OfSixtyThousandPointsWithTies_IsSymmetric_AndOneAgainstItself()
    {
        var (x, y) = RandomPairs(11, 60_000, 1);

        var tau = Correlation.Krocc(x, y);

        Assert.InRange(tau, 0.3, 1.0);
        Assert.Equal(tau, Correlation.Krocc(y, x), 1e-12);
        Assert.Equal(1.0, Correlation.Krocc(x, x), 1e-12);
    }

    [Fact]
    public void Srocc_MatchesPlccOfAverageRanks_OnLargeInput()
    {
        var (x, y) = RandomPairs(5, 60_000, 1);
        var expected = Correlation.Plcc(Correlation.AverageRanks(x), Correlation.AverageRanks(y));
        Assert.Equal(expected, Correlation.Srocc(x, y), 1e-12);
    }

    private static double Compute(string metric, double[] x, double[] y) => metric switch
    {
        "plcc" => Correlation.Plcc(x, y),
        "srocc" => Correlation.Srocc(x, y),
        "krocc" => Correlation.Krocc(x, y),
        "rmse" => Correlation.Rmse(x, y),
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    /// <summary>Correlated values rounded to <paramref name="decimals"/> so that both sides have many ties.</summary>
    private static (double[] X, double[] Y) RandomPairs(int seed, int n, int decimals)
    {
        var random = new System.Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = random.NextDouble() * 10;
            x[i] = Math.Round(t, decimals);
            y[i] = Math.Round(Math.Min(t + (random.NextDouble() * 4) - 2, 9), decimals);
        }
        return (x, y);
    }

    private static double QuadraticTauB(double[] x, double[] y)
    {
        long concordant = 0, discordant = 0, xOnly = 0, yOnly = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0 && dy == 0)
                    continue;
                if (dx == 0)
                    xOnly++;
                else if (dy == 0)
                    yOnly++;
                else if (dx == dy)
                    concordant++;
                else
                    discordant++;
            }
        }
        return (concordant - discordant) / Math.Sqrt((double)(concordant + discordant + xOnly) * (concordant + discordant + yOnly));
    }
}
