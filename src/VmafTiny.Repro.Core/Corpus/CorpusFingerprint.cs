namespace VmafTiny.Repro.Corpus;

/// <summary>
/// Identifies a corpus by content: SHA-256 over the selected columns' values in a canonical
/// encoding (so re-compressing or re-ordering columns of the file does not change it), the row
/// count, and the rows per group.
/// </summary>
public sealed record CorpusFingerprint(string Sha256, long Rows, IReadOnlyDictionary<string, long> RowsPerGroup)
{
    public bool Equals(CorpusFingerprint? other) =>
        other is not null && Sha256 == other.Sha256 && Rows == other.Rows &&
        RowsPerGroup.Count == other.RowsPerGroup.Count &&
        RowsPerGroup.All(kv => other.RowsPerGroup.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override int GetHashCode() => HashCode.Combine(Sha256, Rows);
}
