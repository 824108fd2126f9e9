namespace VmafTiny.Repro.Gate;

/// <summary>
/// A per-(corpus, arch) change of the policy. A null <see cref="Corpus"/> or <see cref="Arch"/>
/// matches every corpus or architecture; later overrides win over earlier ones.
/// </summary>
public sealed record PolicyOverride(string? Corpus, string? Arch, double? K, IReadOnlyDictionary<Metric, double> Floors)
{
    /// <summary>True when this override applies to the pair.</summary>
    public bool Matches(string corpus, string arch) =>
        (Corpus is null || string.Equals(Corpus, corpus, StringComparison.Ordinal)) &&
        (Arch is null || string.Equals(Arch, arch, StringComparison.Ordinal));
}
