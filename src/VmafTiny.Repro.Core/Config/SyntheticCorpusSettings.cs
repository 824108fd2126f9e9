namespace VmafTiny.Repro.Config;

/// <summary>
/// How to generate a synthetic stand-in for a corpus (the <c>synthetic</c> object of a corpus in
/// vmaf-repro.json): the shape (<c>netflix</c> or <c>konvid</c>), the row count and the generator seed.
/// </summary>
public sealed record SyntheticCorpusSettings(string Shape, int Rows, int Seed);
