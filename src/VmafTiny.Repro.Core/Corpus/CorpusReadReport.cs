namespace VmafTiny.Repro.Corpus;

/// <summary>
/// What reading a corpus file found beyond the data itself: how many rows the file had, how many
/// were dropped for NaN/Inf/null values (only when <see cref="CorpusSpec.DropNonFinite"/> is set),
/// and the per-column counts of such values.
/// </summary>
public sealed record CorpusReadReport(
    string Path,
    long RowsInFile,
    long DroppedRows,
    IReadOnlyDictionary<string, long> NonFiniteByColumn,
    int RowGroups)
{
    /// <summary>Rows kept: <see cref="RowsInFile"/> minus <see cref="DroppedRows"/>.</summary>
    public long Rows => RowsInFile - DroppedRows;
}
