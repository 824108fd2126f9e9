namespace VmafTiny.Repro.Corpus;

/// <summary>How to read one corpus: where it is, which columns are features, target and group.</summary>
public sealed record CorpusSpec
{
    /// <summary>The canonical-6 libvmaf features, in this order.</summary>
    public static IReadOnlyList<string> CanonicalFeatures { get; } =
        ["adm2", "vif_scale0", "vif_scale1", "vif_scale2", "vif_scale3", "motion2"];

    public required string Name { get; init; }
    public required string Path { get; init; }
    public IReadOnlyList<string> Features { get; init; } = CanonicalFeatures;

    /// <summary>
    /// True when <see cref="Features"/> was configured: the names are then exact column names.
    /// When false, a feature <c>X</c> the file lacks is read from libvmaf's fixed-point name
    /// <c>integer_X</c> (<see cref="CorpusColumns"/>; both present is VMR2020).
    /// </summary>
    public bool FeaturesExplicit { get; init; }
    public string Target { get; init; } = "vmaf";
    public string GroupColumn { get; init; } = "source";

    /// <summary>Free text naming the protocol, e.g. "loso" (one fold per source) or "kfold" (pre-assigned folds).</summary>
    public string Protocol { get; init; } = "loso";

    /// <summary>
    /// When set, the groups of <see cref="GroupColumn"/> (e.g. KoNViD clip keys) are assigned to
    /// folds on the fly (<c>Protocol/FoldAssignment</c>, applied by <c>Workspace.LoadCorpus</c>), the same rule <c>vmaf-repro folds</c> writes.
    /// </summary>
    public FoldAssignmentSettings? AssignFolds { get; init; }

    /// <summary>When true, rows with NaN/Inf in a feature or the target are dropped (and counted) instead of rejected.</summary>
    public bool DropNonFinite { get; init; }
}
