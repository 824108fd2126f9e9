using System.Globalization;
using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Config;

/// <summary>
/// How to generate a synthetic stand-in for a corpus (the <c>synthetic</c> object of a corpus in
/// vmaf-repro.json, or <c>synth --shape --rows --seed</c>): the shape (<c>netflix</c> or
/// <c>konvid</c>), the row count and the generator seed.
/// </summary>
public sealed record SyntheticCorpusSettings(string Shape, int Rows, int Seed)
{
    /// <summary>
    /// Most rows generated: the generator holds the corpus in memory (8 columns of doubles, about
    /// 64 MB at this size); the real KoNViD-1k has about 270,000.
    /// </summary>
    public const int MaxRows = 1_000_000;

    /// <summary>The shape, or null when <see cref="Shape"/> is not netflix or konvid.</summary>
    public SyntheticShape? ParsedShape => Shape.ToLowerInvariant() switch
    {
        "netflix" => SyntheticShape.Netflix,
        "konvid" => SyntheticShape.KoNViD,
        _ => null,
    };

    /// <summary>
    /// What is wrong with these settings, or null. The one rule used by the configuration, the
    /// synth options and the generator call: a known shape, the generator's
    /// <see cref="SyntheticCorpus.MinRows">minimum rows</see> up to <see cref="MaxRows"/>, seed ≥ 0.
    /// </summary>
    public string? Problem()
    {
        if (ParsedShape is not { } shape) return $"unknown synthetic shape '{Shape}' (use netflix or konvid)";
        var min = SyntheticCorpus.MinRows(shape);
        if (Rows < min || Rows > MaxRows)
            return string.Create(CultureInfo.InvariantCulture, $"a {Shape.ToLowerInvariant()} corpus needs {min} to {MaxRows} rows, not {Rows}");
        if (Seed < 0) return string.Create(CultureInfo.InvariantCulture, $"the generator seed must be ≥ 0, not {Seed}");
        return null;
    }
}
