namespace VmafTiny.Repro.Corpus;

/// <summary>Accumulates the kept rows of a corpus read into the row-major arrays of <see cref="Corpus"/>.</summary>
internal sealed class CorpusCollector
{
    private readonly int _features;
    private double[] _values;
    private double[] _target;
    private int[] _firstSeenGroup;
    private int _rows;

    public CorpusCollector(int features, long capacityRows)
    {
        _features = features;
        _values = new double[capacityRows * features];
        _target = new double[capacityRows];
        _firstSeenGroup = new int[capacityRows];
    }

    /// <summary>Adds one row: <paramref name="columns"/> holds the features then the target.</summary>
    public void Add(double[][] columns, int row, int groupId)
    {
        var offset = _rows * _features;
        for (var f = 0; f < _features; f++)
            _values[offset + f] = columns[f][row];
        _target[_rows] = columns[_features][row];
        _firstSeenGroup[_rows] = groupId;
        _rows++;
    }

    public LoadedCorpus Build(CorpusSpec spec, GroupTable groups, CorpusFingerprint fingerprint, string? path)
    {
        if (_target.Length != _rows)
        {
            Array.Resize(ref _values, _rows * _features);
            Array.Resize(ref _target, _rows);
            Array.Resize(ref _firstSeenGroup, _rows);
        }
        var sortedIndex = groups.SortedIndexOfId();
        for (var i = 0; i < _rows; i++)
            _firstSeenGroup[i] = sortedIndex[_firstSeenGroup[i]];
        var names = groups.SortedCounts().Select(kv => kv.Key).ToArray();
        return new LoadedCorpus(spec.Name, spec.Features.ToArray(), _values, _target, names, _firstSeenGroup, fingerprint, path);
    }
}
