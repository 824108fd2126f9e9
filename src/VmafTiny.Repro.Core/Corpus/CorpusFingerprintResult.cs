namespace VmafTiny.Repro.Corpus;

/// <summary>A corpus fingerprint computed by streaming the file, with the report of what was read (and dropped).</summary>
public sealed record CorpusFingerprintResult(CorpusFingerprint Fingerprint, CorpusReadReport Report);
