namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// The synthetic corpora's target: like VMAF v0.6.1's score, a deterministic, smooth function of
/// exactly the six features the MLPs see — normalised features, an RBF-kernel expansion over fixed
/// centres (VMAF's ν-SVR has an RBF kernel), a monotone score transform and a clip to [0, 100].
/// No label noise: an MLP's error on it is approximation error, as on the real corpora, so the
/// across-seed spread is small and saturated content ties at exactly 100.
/// </summary>
internal static class VmafLikeTeacher
{
    private const int Centres = 24;

    /// <summary>
    /// Kernel width: a wide kernel (e^-1 at a distance of ~6 standard scores) keeps the function smooth over
    /// the whole feature range, as VMAF's SVR is. Generator v2's 0.08 put bumps inside the range a
    /// held-out source extrapolates into, which made mlp_medium's across-seed PLCC std 6.6e-4 on
    /// netflix-synth (v3: 9e-5; the real v3 model: 1.5e-4).
    /// </summary>
    private const double Gamma = 0.03;
    private const double Offset = 1.15;

    /// <summary>The score transform's ceiling: above 100, so the best frames clip and tie at exactly 100.</summary>
    private const double Top = 108.0;

    /// <summary>Linear weights on the normalised adm2, vif_scale0..3 and motion2 (quality rises with every VIF/ADM feature).</summary>
    private static readonly double[] Linear = [0.46, 0.28, 0.13, 0.09, 0.06, -0.04];

    // Fixed centres and coefficients: the same function for every corpus, shape and seed.
    private static readonly (double[] Centre, double Alpha)[] Kernel = BuildKernel();

    /// <summary>log-motion normalisation: log(1 + motion2) has about this mean and std on real clips.</summary>
    private const double LogMotionMean = 1.75;
    private const double LogMotionStd = 0.75;

    /// <summary>The teacher's score for one frame's features (adm2, vif_scale0..3, motion2).</summary>
    public static double Score(ReadOnlySpan<double> features)
    {
        Span<double> z = stackalloc double[6];
        for (var f = 0; f < 5; f++)
            z[f] = (features[f] - FeatureModel.Quality[f].Mean) / FeatureModel.Quality[f].Std;
        // Motion matters less than the fidelity features, as in VMAF: half weight in the kernel's distance.
        z[5] = 0.5 * (DeterministicMath.Log(1.0 + features[5]) - LogMotionMean) / LogMotionStd;

        var s = Offset;
        for (var f = 0; f < 6; f++)
            s += Linear[f] * z[f];
        foreach (var (centre, alpha) in Kernel)
        {
            var d2 = 0.0;
            for (var f = 0; f < 6; f++)
            {
                var d = z[f] - centre[f];
                d2 += d * d;
            }
            s += alpha * DeterministicMath.Exp(-Gamma * d2);
        }
        return FeatureModel.Clip(Top * DeterministicMath.Sigmoid(s), 0.0, 100.0);
    }

    private static (double[], double)[] BuildKernel()
    {
        var rng = new SyntheticRandom(0x766D6166); // "vmaf": fixed, independent of any corpus seed
        var kernel = new (double[], double)[Centres];
        for (var k = 0; k < Centres; k++)
        {
            var centre = new double[6];
            for (var f = 0; f < 6; f++) centre[f] = 1.3 * rng.Normal();
            kernel[k] = (centre, 0.15 * rng.Normal());
        }
        return kernel;
    }
}
