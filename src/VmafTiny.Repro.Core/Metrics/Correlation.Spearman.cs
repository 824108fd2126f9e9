namespace VmafTiny.Repro.Metrics;

public static partial class Correlation
{
    /// <summary>
    /// Spearman's rank correlation (SROCC) with average ranks for ties, as <c>scipy.stats.spearmanr</c>:
    /// the Pearson correlation (<c>np.corrcoef</c>) of <see cref="AverageRanks"/> of both sides.
    /// </summary>
    /// <returns>NaN when either side is constant or contains NaN.</returns>
    /// <exception cref="ArgumentException">Lengths differ or there are fewer than 2 points.</exception>
    public static double Srocc(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Validate(x, y);
        if (ContainsNaN(x) || ContainsNaN(y) || IsConstant(x) || IsConstant(y))
            return double.NaN;
        return CorrCoef(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>
    /// 1-based ranks where tied values share the mean of the ranks they span
    /// (<c>scipy.stats.rankdata(method="average")</c>). Any NaN input makes every rank NaN.
    /// </summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var ranks = new double[n];
        if (ContainsNaN(values))
        {
            Array.Fill(ranks, double.NaN);
            return ranks;
        }

        var keys = values.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        Array.Sort(keys, order);

        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
                end++;
            // Positions start..end-1 hold ranks start+1..end; their mean is exact in binary.
            var rank = 0.5 * (start + 1 + end);
            for (var k = start; k < end; k++)
                ranks[order[k]] = rank;
            start = end;
        }
        return ranks;
    }

    /// <summary><c>np.corrcoef(x, y)[0, 1]</c>: covariance over the product of standard deviations, clipped.</summary>
    private static double CorrCoef(double[] x, double[] y)
    {
        var n = x.Length;
        var xMean = NeumaierSum.Of(x) / n;
        var yMean = NeumaierSum.Of(y) / n;
        var xx = default(NeumaierSum);
        var yy = default(NeumaierSum);
        var xy = default(NeumaierSum);
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - xMean;
            var dy = y[i] - yMean;
            xx.Add(dx * dx);
            yy.Add(dy * dy);
            xy.Add(dx * dy);
        }
        double fact = n - 1;
        var cxy = xy.Value / fact;
        var sx = Math.Sqrt(xx.Value / fact);
        var sy = Math.Sqrt(yy.Value / fact);
        return Clamp(cxy / sx / sy);
    }
}
