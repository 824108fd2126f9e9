namespace VmafTiny.Repro.Corpus;

/// <summary>
/// A corpus in memory: features row-major (<see cref="Rows"/> x <see cref="FeatureNames"/>.Count),
/// float64 as read; the target; and each row's group as an index into <see cref="GroupNames"/>,
/// which is sorted in ordinal order.
/// </summary>
public sealed class LoadedCorpus
{
    public LoadedCorpus(string name, IReadOnlyList<string> featureNames, double[] features, double[] target,
        IReadOnlyList<string> groupNames, int[] groupOfRow, CorpusFingerprint fingerprint, string? path = null)
    {
        if (features.Length != target.Length * featureNames.Count)
            throw new ArgumentException("features must hold rows x features values", nameof(features));
        if (groupOfRow.Length != target.Length)
            throw new ArgumentException("one group per row", nameof(groupOfRow));
        Name = name;
        FeatureNames = featureNames;
        Features = features;
        Target = target;
        GroupNames = groupNames;
        GroupOfRow = groupOfRow;
        Fingerprint = fingerprint;
        Path = path;
    }

    public string Name { get; }
    public string? Path { get; }
    public IReadOnlyList<string> FeatureNames { get; }
    public double[] Features { get; }
    public double[] Target { get; }
    public IReadOnlyList<string> GroupNames { get; }
    public int[] GroupOfRow { get; }
    public CorpusFingerprint Fingerprint { get; }
    /// <summary>What reading the file found (rows in the file, rows dropped by <c>drop_non_finite</c>); null when not read from a file.</summary>
    public CorpusReadReport? ReadReport { get; internal set; }

    public int Rows => Target.Length;
    public int FeatureCount => FeatureNames.Count;
}
