namespace VmafTiny.Repro.Corpus;

/// <summary>A corpus read into memory, with the report of what was read (and dropped).</summary>
public sealed record CorpusReadResult(Corpus Corpus, CorpusReadReport Report);
