namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>
/// The values eng/fixtures/make-reference-corpus-fixtures.mjs wrote into the reference-schema
/// fixtures (Fixtures/reference/), recomputed with the same IEEE double operations.
/// </summary>
internal static class ReferenceFixtureFormula
{
    /// <summary>netflix_reference*.parquet: 360 rows, 3 sources of 120 rows.</summary>
    public const int NetflixRows = 360;

    public static string NetflixSource(long i) => new[] { "BigBuckBunny", "CrowdRun", "Tennis" }[i / 120];

    public static double NetflixVmaf(long i) => (double)(i % 1001) / 10.0;

    /// <summary>konvid_pairs.parquet: 24 clips, clip c has 8 + (7c) % 13 rows, key 5000000 + 37c.</summary>
    public static readonly int[] KonvidClipRows = Enumerable.Range(0, 24).Select(c => 8 + 7 * c % 13).ToArray();

    public static int KonvidRows => KonvidClipRows.Sum();

    public static long KonvidKey(int clip) => 5000000 + 37 * clip;

    public static double KonvidVmaf(long i) => i % 4 == 0 ? 100.0 : (double)(i % 997) / 10.0;

    public static string PathOf(string fixture) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "reference", fixture);
}
