namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>A baseline or received file of one (corpus, arch) pair.</summary>
public sealed record BaselineFile(string Corpus, string Arch, string Path);
