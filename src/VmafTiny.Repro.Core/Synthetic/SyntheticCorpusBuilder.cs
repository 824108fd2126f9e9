namespace VmafTiny.Repro.Synthetic;

/// <summary>Collects generated frames into the columns of a <see cref="SyntheticCorpusData"/>.</summary>
internal sealed class SyntheticCorpusBuilder(SyntheticShape shape, ulong seed, int capacity, string groupColumn)
{
    private readonly double[][] _features = Enumerable.Range(0, 6).Select(_ => new double[capacity]).ToArray();
    private readonly double[] _target = new double[capacity];
    private readonly string[] _groups = new string[capacity];
    private readonly int[] _frames = new int[capacity];

    public int Rows { get; private set; }

    public void AddFrame(SyntheticRandom rng, string group, int frame, double latent, double motion)
    {
        Span<double> features = stackalloc double[6];
        _target[Rows] = FeatureModel.Frame(rng, latent, motion, features);
        for (var f = 0; f < 6; f++)
            _features[f][Rows] = features[f];
        _groups[Rows] = group;
        _frames[Rows] = frame;
        Rows++;
    }

    public SyntheticCorpusData Build()
    {
        if (Rows != capacity)
            throw new InvalidOperationException($"generated {Rows} rows, expected {capacity}");
        return new SyntheticCorpusData(shape, seed, groupColumn, _features, _target, _groups, _frames);
    }
}
