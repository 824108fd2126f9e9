namespace VmafTiny.Repro.Corpus;

/// <summary>Limits the <see cref="CorpusReader"/> enforces on every corpus.</summary>
public sealed record CorpusReaderOptions
{
    /// <summary>The default options: groups of at least 3 rows, at least 2 groups.</summary>
    public static CorpusReaderOptions Default { get; } = new();

    /// <summary>A group with fewer rows is rejected (VMR2008): a correlation needs at least 3 points.</summary>
    public int MinRowsPerGroup { get; init; } = 3;

    /// <summary>A corpus with fewer groups is rejected (VMR2009): cross-validation needs a group to hold out.</summary>
    public int MinGroups { get; init; } = 2;
}
