namespace VmafTiny.Repro.Gate.Reports;

/// <summary>
/// A chart written as a file, for the Markdown report to link: the pair it belongs to (null for
/// an overview of a corpus), a short title, and its path as the report should write it (relative
/// to the report file, '/' separated).
/// </summary>
public sealed record PlotLink(string Corpus, string? Arch, string Title, string Path);
