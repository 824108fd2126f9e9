namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// Turns a frame's latent quality and motion into the canonical-6 features and a VMAF-like
/// teacher score. Each feature is its real marginal (mean, std) driven mostly by the shared latent
/// plus its own noise, clipped to its valid range; the teacher (<see cref="VmafLikeTeacher"/>) is a
/// deterministic smooth function of the six features scaled past 100 and clipped, so saturated
/// frames tie at exactly 100 as real VMAF does.
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
    /// Writes the 6 features of one frame into <paramref name="features"/> and returns its teacher
    /// score (<see cref="VmafLikeTeacher"/>: a deterministic function of the features, no noise).
    /// </summary>
    /// <param name="rng">Source of the features' own noise.</param>
    /// <param name="latent">Quality, roughly standard normal; higher is better.</param>
    /// <param name="motion">motion2 before clipping (0 on a clip's first frame).</param>
    /// <param name="features">Receives adm2, vif_scale0..3, motion2.</param>
    public static double Frame(SyntheticRandom rng, double latent, double motion, Span<double> features)
    {
        for (var f = 0; f < Quality.Length; f++)
        {
            var (mean, std, loading) = Quality[f];
            var own = Math.Sqrt(1.0 - loading * loading);
            features[f] = Clip(mean + std * (loading * latent + own * rng.Normal()), 0.0, 1.0);
        }
        features[5] = Math.Max(0.0, motion);
        return VmafLikeTeacher.Score(features);
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
