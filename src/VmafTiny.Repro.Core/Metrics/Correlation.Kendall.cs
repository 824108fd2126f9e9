namespace VmafTiny.Repro.Metrics;

public static partial class Correlation
{
    /// <summary>
    /// Kendall's tau-b (KROCC) as <c>scipy.stats.kendalltau</c>, in O(n log n) (Knight's algorithm):
    /// sort by (x, y), count tied pairs exactly, count discordant pairs by merge-sort inversions of y.
    /// </summary>
    /// <returns>NaN when either side is constant (all pairs tied) or contains NaN.</returns>
    /// <exception cref="ArgumentException">Lengths differ or there are fewer than 2 points.</exception>
    public static double Krocc(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Validate(x, y);
        if (ContainsNaN(x) || ContainsNaN(y))
            return double.NaN;

        var n = x.Length;
        var pairs = new XyPair[n];
        for (var i = 0; i < n; i++)
            pairs[i] = new XyPair(x[i], y[i]);
        Array.Sort(pairs);

        long xTies = 0, jointTies = 0;
        var ys = new double[n];
        for (var i = 0; i < n; i++)
            ys[i] = pairs[i].Y;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && pairs[end].X == pairs[start].X)
                end++;
            xTies += TiedPairs(end - start);
            for (var s = start; s < end;)
            {
                var e = s + 1;
                while (e < end && ys[e] == ys[s])
                    e++;
                jointTies += TiedPairs(e - s);
                s = e;
            }
            start = end;
        }

        // Within an x group y ascends, so every inversion of y is a pair with x_i < x_j, y_i > y_j.
        var discordant = CountInversions(ys);

        // ys is now sorted: count ties in y.
        long yTies = 0;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && ys[end] == ys[start])
                end++;
            yTies += TiedPairs(end - start);
            start = end;
        }

        var total = TiedPairs(n);
        if (xTies == total || yTies == total)
            return double.NaN;

        // total = concordant + discordant + xTies + yTies - jointTies
        var concordantMinusDiscordant = total - xTies - yTies + jointTies - (2 * discordant);
        // Same operation order as SciPy, so e.g. a perfect ranking gives its 0.9999999999999999.
        var tau = concordantMinusDiscordant / Math.Sqrt(total - xTies) / Math.Sqrt(total - yTies);
        return Clamp(tau);
    }

    private static long TiedPairs(long count) => count * (count - 1) / 2;

    /// <summary>Sorts <paramref name="values"/> ascending and returns the number of pairs i &lt; j with values[i] &gt; values[j].</summary>
    private static long CountInversions(double[] values)
    {
        var buffer = new double[values.Length];
        long inversions = 0;
        // Bottom-up merge sort.
        var src = values;
        var dst = buffer;
        for (var width = 1; width < values.Length; width *= 2)
        {
            for (var lo = 0; lo < values.Length; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, values.Length);
                var hi = Math.Min(lo + (2 * width), values.Length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    if (src[j] < src[i])
                    {
                        inversions += mid - i;
                        dst[k++] = src[j++];
                    }
                    else
                    {
                        dst[k++] = src[i++];
                    }
                }
                while (i < mid)
                    dst[k++] = src[i++];
                while (j < hi)
                    dst[k++] = src[j++];
            }
            (src, dst) = (dst, src);
        }
        if (!ReferenceEquals(src, values))
            Array.Copy(src, values, values.Length);
        return inversions;
    }

    private readonly record struct XyPair(double X, double Y) : IComparable<XyPair>
    {
        public int CompareTo(XyPair other)
        {
            var c = X.CompareTo(other.X);
            return c != 0 ? c : Y.CompareTo(other.Y);
        }
    }
}
