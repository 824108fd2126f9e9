namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// The KoNViD-shaped corpus: user-generated clips of varying length, each with its own quality and
/// motion, dealt round-robin (shuffled per block of 5) into the pre-assigned folds fold0..fold4.
/// </summary>
internal static class KonvidShape
{
    public static readonly string[] Folds = ["fold0", "fold1", "fold2", "fold3", "fold4"];

    public const int DefaultRows = 20_000;
    public const int MinRows = 250;

    public static SyntheticCorpusData Generate(int rows, ulong seed)
    {
        var rng = new SyntheticRandom(seed);
        // Real clips average 225 frames; small corpora get shorter clips so every fold has >= 10.
        var meanLength = Math.Clamp(rows / 50, 5, 225);
        var data = new SyntheticCorpusBuilder(SyntheticShape.KoNViD, seed, rows, "fold");
        var order = new int[Folds.Length];
        for (var clip = 0; data.Rows < rows; clip++)
        {
            if (clip % Folds.Length == 0)
                Shuffle(rng, order);
            var fold = Folds[order[clip % Folds.Length]];
            var length = Math.Min(rows - data.Rows, (int)Math.Round(meanLength * rng.Uniform(0.6, 1.4)));
            var quality = rng.Normal();
            var clipMotion = rng.Normal();
            double c = rng.Normal(), m = rng.Normal();
            for (var t = 0; t < length; t++)
            {
                c = FeatureModel.Ar1(rng, c, 0.97);
                m = FeatureModel.Ar1(rng, m, 0.90);
                // Clips differ far more than frames of a clip: most clips sit at the top of the scale (a
                // large share of frames saturates at exactly 100), a few are poor. The between-clip spread
                // dominates the target's variance, as on the real KoNViD pairs, so even mlp_small saturates
                // (generator v2's 1.2 + 0.85 * quality left mlp_small at PLCC 0.973 ± 0.021).
                var latent = 2.0 + 3.0 * quality + 0.50 * c;
                var logMotion = 0.75 * clipMotion + 0.66 * m;
                data.AddFrame(rng, fold, t, latent, FeatureModel.Motion(t, logMotion));
            }
        }
        return data.Build();
    }

    private static void Shuffle(SyntheticRandom rng, int[] order)
    {
        for (var i = 0; i < order.Length; i++) order[i] = i;
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
