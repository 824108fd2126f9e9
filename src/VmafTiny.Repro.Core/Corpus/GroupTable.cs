using System.Text;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// The distinct group values in the order they were first seen, with the kept-row count of each
/// and each name's canonical fingerprint encoding. Lookups by <see cref="ReadOnlySpan{T}"/> do not
/// allocate, so a row group of repeated names costs no strings.
/// </summary>
internal sealed class GroupTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string> _names = [];
    private readonly List<byte[]> _encoded = [];
    private readonly List<long> _counts = [];

    public GroupTable() => _bySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _names.Count;

    public byte[] EncodedOf(int id) => _encoded[id];

    public string NameOf(int id) => _names[id];

    public int IdOf(ReadOnlySpan<char> value) => _bySpan.TryGetValue(value, out var id) ? id : Add(value.ToString());

    public int IdOf(string value) => _ids.TryGetValue(value, out var id) ? id : Add(value);

    public void CountRow(int id) => _counts[id]++;

    /// <summary>Groups with at least one kept row, in ordinal order, with their row counts.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> SortedCounts() =>
        Enumerable.Range(0, Count).Where(i => _counts[i] > 0)
            .Select(i => KeyValuePair.Create(_names[i], _counts[i]))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();

    /// <summary>For each first-seen id, its index among <see cref="SortedCounts"/> (-1 when it has no kept rows).</summary>
    public int[] SortedIndexOfId()
    {
        var sorted = SortedCounts();
        var index = new int[Count];
        Array.Fill(index, -1);
        for (var k = 0; k < sorted.Count; k++)
            index[_ids[sorted[k].Key]] = k;
        return index;
    }

    private int Add(string name)
    {
        var id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        _encoded.Add(CorpusFingerprintBuilder.EncodeString(name));
        _counts.Add(0);
        return id;
    }
}
