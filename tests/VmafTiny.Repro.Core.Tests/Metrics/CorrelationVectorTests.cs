using System.Text.Json;
using VmafTiny.Repro.Metrics;

namespace VmafTiny.Repro.Tests.Metrics;

/// <summary>The metrics against SciPy 1.10 values (Fixtures/testvectors/metrics.json).</summary>
public sealed class CorrelationVectorTests
{
    private const double RelativeTolerance = 1e-12;

    private static readonly Lazy<JsonDocument> Vectors = new(() => JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "testvectors", "metrics.json"))));

    private static string[] Names() =>
        Vectors.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();

    public static TheoryData<string> CaseNames() => new(Names());

    private static (double[] Pred, double[] Target, JsonElement Case) Load(string name)
    {
        var c = Vectors.Value.RootElement.GetProperty("cases").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == name);
        static double[] Read(JsonElement a) => a.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return (Read(c.GetProperty("pred")), Read(c.GetProperty("target")), c);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= RelativeTolerance * scale,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / scale:E2})");
    }

    [Fact]
    public void Fixture_HasTheFiveDocumentedCases()
    {
        Assert.Equal(new[] { "random", "ties_in_target", "ties_both", "perfect", "anti" }, Names());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Plcc_MatchesScipyPearsonr(string name)
    {
        var (pred, target, c) = Load(name);
        AssertClose(c.GetProperty("plcc").GetDouble(), Correlation.Plcc(pred, target), $"{name} plcc");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Srocc_MatchesScipySpearmanr(string name)
    {
        var (pred, target, c) = Load(name);
        AssertClose(c.GetProperty("srocc").GetDouble(), Correlation.Srocc(pred, target), $"{name} srocc");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Krocc_MatchesScipyKendalltauB(string name)
    {
        var (pred, target, c) = Load(name);
        AssertClose(c.GetProperty("krocc").GetDouble(), Correlation.Krocc(pred, target), $"{name} krocc");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Rmse_MatchesNumpy(string name)
    {
        var (pred, target, c) = Load(name);
        AssertClose(c.GetProperty("rmse").GetDouble(), Correlation.Rmse(pred, target), $"{name} rmse");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Metrics_AreSymmetricInTheirArguments(string name)
    {
        var (pred, target, _) = Load(name);
        AssertClose(Correlation.Plcc(pred, target), Correlation.Plcc(target, pred), $"{name} plcc");
        AssertClose(Correlation.Srocc(pred, target), Correlation.Srocc(target, pred), $"{name} srocc");
        AssertClose(Correlation.Krocc(pred, target), Correlation.Krocc(target, pred), $"{name} krocc");
    }
}
