using System.Globalization;

namespace VmafTiny.Repro.Evaluation.Scale;

/// <summary>
/// One training of the grid: (corpus, arch, fold, seed), with its estimated cost in FLOPs
/// (<see cref="FlopCount.Training"/>: rows × epochs × 6 × the network's multiply-adds).
/// </summary>
public sealed record GridCell(string Corpus, string Arch, string Fold, int Seed, double Cost)
{
    /// <summary>The cell's identity, the partition's tie-break (ordinal order).</summary>
    public string Key { get; } = string.Create(CultureInfo.InvariantCulture, $"{Corpus}\n{Arch}\n{Fold}\n{Seed:D10}");

    /// <summary>e.g. "nf/mlp_small fold B seed 3".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Corpus}/{Arch} fold {Fold} seed {Seed}");
}
