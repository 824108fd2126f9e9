namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// The Netflix-shaped corpus: 9 named sources, each encoded at 8-10 ladder rungs; all encodes of a
/// source share its content (temporal complexity and motion), the rung sets the quality.
/// </summary>
internal static class NetflixShape
{
    public static readonly string[] Sources =
        ["BigBuckBunny", "BirdsInCage", "CrowdRun", "ElFuente1", "ElFuente2", "FoxBird", "OldTownCross", "Seeking", "Tennis"];

    public const int DefaultRows = 11_040;
    public const int MinRows = 200;

    public static SyntheticCorpusData Generate(int rows, ulong seed)
    {
        var rng = new SyntheticRandom(seed);
        var encodes = new int[Sources.Length];
        var weight = new double[Sources.Length];
        var sourceQuality = new double[Sources.Length];
        var sourceMotion = new double[Sources.Length];
        for (var s = 0; s < Sources.Length; s++)
        {
            encodes[s] = 8 + rng.NextInt(3);
            weight[s] = rng.Uniform(0.8, 1.2);
            sourceQuality[s] = FeatureModel.Clip(rng.Normal(), -1.5, 1.5);
            sourceMotion[s] = FeatureModel.Clip(rng.Normal(), -1.5, 1.5);
        }

        var lengths = ClipLengths(rows, encodes, weight);
        var data = new SyntheticCorpusBuilder(SyntheticShape.Netflix, seed, rows, "source");
        var clip = 0;
        for (var s = 0; s < Sources.Length; s++)
        {
            var frames = lengths.Skip(clip).Take(encodes[s]).Max();
            var complexity = new double[frames];
            var motion = new double[frames];
            double c = rng.Normal(), m = rng.Normal();
            for (var t = 0; t < frames; t++)
            {
                complexity[t] = c = FeatureModel.Ar1(rng, c, 0.95);
                motion[t] = m = FeatureModel.Ar1(rng, m, 0.90);
            }
            for (var k = 0; k < encodes[s]; k++, clip++)
            {
                // Ladder rung k of E: uniform on [-sqrt(3), sqrt(3)] (unit variance), jittered.
                var rung = Math.Sqrt(12.0) * ((k + 0.5 + rng.Uniform(-0.3, 0.3)) / encodes[s] - 0.5);
                for (var t = 0; t < lengths[clip]; t++)
                {
                    var latent = 1.00 * rung + 0.25 * sourceQuality[s] + 0.30 * complexity[t] + 0.10 * rng.Normal();
                    var logMotion = 0.60 * sourceMotion[s] + 0.80 * motion[t] + 0.05 * rng.Normal();
                    data.AddFrame(rng, Sources[s], t, latent, FeatureModel.Motion(t, logMotion));
                }
            }
        }
        return data.Build();
    }

    /// <summary>
    /// Frames per clip (clips in source order), summing exactly to <paramref name="rows"/>: a source's
    /// clips have its nominal length, the remainder adds one frame to the first clips.
    /// </summary>
    private static int[] ClipLengths(int rows, int[] encodes, double[] weight)
    {
        var denominator = 0.0;
        for (var s = 0; s < encodes.Length; s++)
            denominator += weight[s] * encodes[s];
        var lengths = new List<int>();
        for (var s = 0; s < encodes.Length; s++)
            for (var k = 0; k < encodes[s]; k++)
                lengths.Add((int)Math.Floor(rows * weight[s] / denominator));
        var remainder = rows - lengths.Sum();
        for (var i = 0; remainder > 0; i = (i + 1) % lengths.Count, remainder--)
            lengths[i]++;
        return lengths.ToArray();
    }
}
