namespace VmafTiny.Repro.Synthetic;

/// <summary>The shapes of synthetic corpus <see cref="SyntheticCorpus"/> generates.</summary>
public enum SyntheticShape
{
    /// <summary>
    /// Like the Netflix public dataset: 9 source clips (group column <c>source</c>), each with an
    /// encode ladder of 8-10 encodes; about 11,040 rows by default.
    /// </summary>
    Netflix,

    /// <summary>
    /// Like KoNViD-1k: clips of varying length in 5 pre-assigned folds <c>fold0</c>..<c>fold4</c>
    /// (group column <c>fold</c>); 20,000 rows by default, up to the real ~270,000 or more.
    /// </summary>
    KoNViD,
}
