namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// Deterministic stand-ins for the corpora that may not be redistributed (Netflix public dataset,
/// KoNViD-1k): the same shape, the same feature marginals, a VMAF-like teacher target with ties at
/// 100. The same (shape, rows, seed) gives the same values, and the same Parquet bytes, on every
/// machine: the generator uses its own PRNG and only IEEE-exact arithmetic.
/// </summary>
public static class SyntheticCorpus
{
    /// <summary>
    /// The generator's version, bumped whenever some (shape, rows, seed) gives other values. It is in
    /// every written file's footer (<c>vmaf_repro.synthetic</c>) and in <see cref="SyntheticCorpusData.ComputeSha256"/>;
    /// the values themselves are in the corpus fingerprint, so a baseline of an older generator is
    /// not comparable (corpus sha256 differs). v1: label noise; v2: the VMAF-like teacher; v3: a
    /// smoother teacher (kernel gamma 0.03 instead of 0.08) and KoNViD clips that differ far more
    /// between clips than within.
    /// </summary>
    public const int GeneratorVersion = 3;

    /// <summary>Rows per Parquet row group written by <see cref="WriteParquet"/>.</summary>
    public const int RowGroupRows = 50_000;

    /// <summary>The default size of a shape: 11,040 rows (Netflix), 20,000 rows (KoNViD).</summary>
    public static int DefaultRows(SyntheticShape shape) => shape switch
    {
        SyntheticShape.Netflix => NetflixShape.DefaultRows,
        SyntheticShape.KoNViD => KonvidShape.DefaultRows,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>The smallest size a shape supports: 200 rows (Netflix), 250 rows (KoNViD).</summary>
    public static int MinRows(SyntheticShape shape) => shape switch
    {
        SyntheticShape.Netflix => NetflixShape.MinRows,
        SyntheticShape.KoNViD => KonvidShape.MinRows,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>Generates exactly <paramref name="rows"/> rows of the given shape from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">rows below <see cref="MinRows"/>.</exception>
    public static SyntheticCorpusData Generate(SyntheticShape shape, int rows, ulong seed)
    {
        if (rows < MinRows(shape))
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"a {shape} corpus needs at least {MinRows(shape)} rows");
        return shape == SyntheticShape.Netflix ? NetflixShape.Generate(rows, seed) : KonvidShape.Generate(rows, seed);
    }

    /// <summary>Generates the default size of the shape.</summary>
    public static SyntheticCorpusData Generate(SyntheticShape shape, ulong seed = 0) => Generate(shape, DefaultRows(shape), seed);

    /// <summary>
    /// Writes <paramref name="data"/> as Parquet (snappy, row groups of <see cref="RowGroupRows"/>)
    /// atomically: readers see the old file or the complete new one. Same data, same bytes.
    /// A write failure is <see cref="Diagnostics.ReproException"/> VMR5001 (exit code 4). A character
    /// device or FIFO at <paramref name="path"/> is written in place only with <see cref="IO.SpecialTarget.WriteInPlace"/>.
    /// </summary>
    public static void WriteParquet(SyntheticCorpusData data, string path, IO.SpecialTarget special = IO.SpecialTarget.Refuse, CancellationToken cancellationToken = default) =>
        SyntheticParquetWriter.Write(data, path, RowGroupRows, special, cancellationToken);

    /// <summary>
    /// True when <paramref name="path"/> should be (re)generated for (shape, rows, seed): it does not
    /// exist, or it is a Parquet file without this generator's stamp for those settings (written by
    /// an older generator, or for other settings). A file that is not readable Parquet is left alone:
    /// reading it reports the problem.
    /// </summary>
    public static bool NeedsGenerating(string path, SyntheticShape shape, int rows, ulong seed)
    {
        switch (IO.FileKinds.Target(path))
        {
            case IO.FileKind.Missing: return true;
            case IO.FileKind.Regular or IO.FileKind.Unknown: break;
            default: return false; // a FIFO or device is never opened here (it could block); the reader says what it is
        }
        try
        {
            return SyntheticStamp.Read(path) != SyntheticStamp.Of(shape, rows, seed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not Parquet, or not readable: whatever Parquet.Net throws, the corpus reader says it properly.
            return false;
        }
    }
}
