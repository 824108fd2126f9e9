namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// exp, log, tanh and the logistic function from IEEE-754 +, -, *, / and exact bit manipulation
/// only: the runtime's Math.Exp/Log/Tanh may differ in the last bit between platforms, and the
/// synthetic corpora must be the same bytes everywhere. Accurate to a few ulp, which is plenty
/// for synthetic data; what matters is that the result is reproducible.
/// </summary>
internal static class DeterministicMath
{
    // Cody-Waite split of ln 2 (fdlibm): k * Ln2Hi is exact for |k| < 2^20.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309514547e+00;

    /// <summary>1/n! for n = 0..13, as the compiler rounds the literals (the same on every platform).</summary>
    private static readonly double[] ExpCoefficients =
    [
        1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
        1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800,
    ];

    /// <summary>1/(2n+1) for n = 1..11: the atanh series.</summary>
    private static readonly double[] LogCoefficients =
        [1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11, 1.0 / 13, 1.0 / 15, 1.0 / 17, 1.0 / 19, 1.0 / 21, 1.0 / 23];

    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > 709.0) return double.PositiveInfinity;
        if (x < -745.0) return 0.0;
        var k = Math.Round(x * InvLn2);
        var r = (x - k * Ln2Hi) - k * Ln2Lo;
        // Taylor series of e^r for |r| <= 0.35, Horner form, 14 terms (remainder < 1e-17).
        var p = ExpCoefficients[^1];
        for (var n = ExpCoefficients.Length - 2; n >= 0; n--)
            p = p * r + ExpCoefficients[n];
        return ScaleByPowerOfTwo(p, (int)k);
    }

    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0.0) return double.NaN;
        if (x == 0.0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        var e = 0;
        if (x < 2.2250738585072014e-308)
        {
            x *= 18014398509481984.0; // 2^54, brings a subnormal into the normal range
            e = -54;
        }
        var bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }
        // log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172.
        var s = (m - 1.0) / (m + 1.0);
        var s2 = s * s;
        var series = 0.0;
        for (var n = LogCoefficients.Length - 1; n >= 0; n--)
            series = s2 * (LogCoefficients[n] + series);
        var logM = 2.0 * s + 2.0 * s * series;
        return e * Ln2Hi + (e * Ln2Lo + logM);
    }

    public static double Tanh(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > 20.0) return 1.0;
        if (x < -20.0) return -1.0;
        var e = Exp(2.0 * x);
        return (e - 1.0) / (e + 1.0);
    }

    /// <summary>The logistic function 1 / (1 + e^-x).</summary>
    public static double Sigmoid(double x) => 1.0 / (1.0 + Exp(-x));

    private static double ScaleByPowerOfTwo(double value, int k)
    {
        if (k > 1023)
            return value * PowerOfTwo(1023) * PowerOfTwo(k - 1023);
        if (k < -1022)
            return value * PowerOfTwo(-1022) * PowerOfTwo(Math.Max(k + 1022, -1022));
        return value * PowerOfTwo(k);
    }

    private static double PowerOfTwo(int k) => BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
}
