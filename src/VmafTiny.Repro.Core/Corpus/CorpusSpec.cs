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
    public string Target { get; init; } = "vmaf";
    public string GroupColumn { get; init; } = "source";

    /// <summary>Free text naming the protocol, e.g. "loso" (one fold per source) or "kfold" (pre-assigned folds).</summary>
    public string Protocol { get; init; } = "loso";

    /// <summary>When true, rows with NaN/Inf in a feature or the target are dropped (and counted) instead of rejected.</summary>
    public bool DropNonFinite { get; init; }
}
