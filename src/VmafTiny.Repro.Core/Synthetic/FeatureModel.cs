namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// Turns a frame's latent quality and motion into the canonical-6 features and a VMAF-like
/// teacher score. Each feature is its real marginal (mean, std) driven mostly by the shared latent
/// plus its own noise, clipped to its valid range; the teacher is a saturating function of the
/// features (linear terms, an interaction, a curvature term) scaled past 100 and clipped, so a
/// visible fraction of frames ties at exactly 100 as real VMAF does.
/// </summary>
internal static class FeatureModel
{
    // Marginals of the real Netflix per-frame corpus (mean, std).
    public static readonly (double Mean, double Std, double Loading)[] Quality =
    [
        (0.92, 0.035, 0.93), // adm2
        (0.50, 0.16, 0.90),  // vif_scale0
        (0.76, 0.09, 0.92),  // vif_scale1
        (0.84, 0.07, 0.92),  // vif_scale2
        (0.89, 0.05, 0.90),  // vif_scale3
    ];

    /// <summary>log-normal motion2 with mean 6.4 and std 7.3: mu and sigma of its logarithm.</summary>
    public const double MotionLogMean = 1.4399;
    public const double MotionLogStd = 0.9128;

    /// <summary>
    /// Writes the 6 features of one frame into <paramref name="features"/> and returns its teacher score.
    /// </summary>
    /// <param name="rng">Source of the features' own noise and the teacher's noise.</param>
    /// <param name="latent">Quality, roughly standard normal; higher is better.</param>
    /// <param name="motion">motion2 before clipping (0 on a clip's first frame).</param>
    /// <param name="noiseStd">Standard deviation of the teacher's noise, in VMAF points.</param>
    /// <param name="features">Receives adm2, vif_scale0..3, motion2.</param>
    public static double Frame(SyntheticRandom rng, double latent, double motion, double noiseStd, Span<double> features)
    {
        for (var f = 0; f < Quality.Length; f++)
        {
            var (mean, std, loading) = Quality[f];
            var own = Math.Sqrt(1.0 - loading * loading);
            features[f] = Clip(mean + std * (loading * latent + own * rng.Normal()), 0.0, 1.0);
        }
        features[5] = Math.Max(0.0, motion);
        return Teacher(features, rng.Normal() * noiseStd);
    }

    private static double Teacher(ReadOnlySpan<double> x, double noise)
    {
        Span<double> z = stackalloc double[5];
        for (var f = 0; f < 5; f++)
            z[f] = (x[f] - Quality[f].Mean) / Quality[f].Std;
        var lin = 1.1
                  + 0.42 * z[0] + 0.30 * z[1] + 0.12 * z[2] + 0.08 * z[3] + 0.06 * z[4]
                  + 0.10 * z[0] * z[1] - 0.04 * z[0] * z[0]
                  + 0.05 * (Math.Sqrt(x[5]) - 2.2);
        return Clip(108.0 * DeterministicMath.Sigmoid(lin) + noise, 0.0, 100.0);
    }

    public static double Clip(double value, double low, double high) => Math.Min(high, Math.Max(low, value));

    /// <summary>Next value of a stationary AR(1) process with unit variance.</summary>
    public static double Ar1(SyntheticRandom rng, double previous, double phi) =>
        phi * previous + Math.Sqrt(1.0 - phi * phi) * rng.Normal();

    /// <summary>
    /// motion2 of a frame from its log-scale standard score (capped at 3 sigma, about 65, like real
    /// clips); 0 on a clip's first frame, as libvmaf reports it.
    /// </summary>
    public static double Motion(int frame, double logScore) =>
        frame == 0 ? 0.0 : DeterministicMath.Exp(MotionLogMean + MotionLogStd * Clip(logScore, -3.0, 3.0));
}
