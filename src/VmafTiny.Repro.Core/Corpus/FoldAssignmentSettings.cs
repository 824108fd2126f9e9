namespace VmafTiny.Repro.Corpus;

/// <summary>How whole groups (e.g. KoNViD clips) are dealt into folds: k, the seed and the column holding the groups.</summary>
/// <param name="K">Number of folds (at least 2, at most <c>Protocol.FoldAssignment.MaxFolds</c>).</param>
/// <param name="Seed">Seed of the shuffle (numpy's <c>default_rng(seed)</c>), ≥ 0.</param>
/// <param name="By">The column whose distinct values are the groups kept together.</param>
public sealed record FoldAssignmentSettings(int K, int Seed, string By);
