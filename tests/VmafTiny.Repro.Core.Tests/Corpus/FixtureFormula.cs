namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>
/// The values eng/fixtures/make-parquet-fixtures.mjs wrote into the DuckDB fixtures, recomputed
/// with the same IEEE double operations, so a test can compare every value bit for bit.
/// </summary>
internal static class FixtureFormula
{
    public static readonly string[] Features = ["adm2", "vif_scale0", "vif_scale1", "vif_scale2", "vif_scale3", "motion2"];
    private static readonly string[] Sources = ["BigBuckBunny", "CrowdRun", "FoxBird", "Tennis"];

    public static double Feature(string name, long i) => name switch
    {
        "adm2" => (double)(i % 97) / 200.0 + 0.5,
        "vif_scale0" => (double)(i % 89) / 100.0,
        "vif_scale1" => (double)(i % 83) / 128.0 + 0.25,
        "vif_scale2" => (double)(i % 79) / 80.0,
        "vif_scale3" => (double)(i % 71) / 90.0 + 0.125,
        "motion2" => (double)(i % 13) * 0.75,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static double Vmaf(long i) => (double)(i % 1001) / 10.0;

    public static string Source(long i) => Sources[(i / 25) % 4];

    public static string Fold(long i) => ((i / 20) % 5).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PathOf(string fixture) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "parquet", fixture);
}
