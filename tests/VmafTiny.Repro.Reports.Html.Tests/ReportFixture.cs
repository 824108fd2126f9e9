using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Results;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Reports.Html.Tests;

/// <summary>
/// A gate run of every verdict, built from the fixed fixture (no training): the entries the
/// charts are drawn from and the report the gate made of them. Deterministic noise gives the
/// seeds a spread, so the pictures look like real runs.
/// </summary>
internal static class ReportFixture
{
    public static readonly DateTimeOffset Approved = new(2026, 11, 26, 11, 40, 17, TimeSpan.Zero);

    public static IReadOnlyList<GateEntry> Entries()
    {
        static string B(string corpus, string arch) => $"baselines/{corpus}/{arch}.json";
        EvaluationResult Base(int seed, double shift = 0) => Approve(Shift(Noise(ToolResult(), 0.0004, seed), null, "plcc", shift));
        var diverged = Noise(ToolResult(), 0.0004, 6);
        diverged.PerSeedPerFold["2"]["Seeking"].Diverged = true;
        diverged.PerSeedPerFold["2"]["Seeking"].Plcc = double.NaN;
        diverged.PerSeedPerFold["2"]["Seeking"].Note = "constant predictions";
        var otherRecipe = Noise(ToolResult(), 0.0004, 4);
        otherRecipe.Recipe!.Lr = 0.01;
        otherRecipe.Recipe.Fingerprint = "lr=0.01";
        var twice = Base(3, -0.002);
        twice.History!.Insert(0, new HistoryEntry { ApprovedUtc = Approved.AddDays(-20), Reason = "older", Overall = Stats(Shift(Clone(twice), null, "plcc", -0.003)) });

        return
        [
            new GateEntry("netflix-synth", "mlp_small", Base(1, -0.004), Noise(Shift(ToolResult(), null, "plcc", -0.004), 0.0004, 1), B("netflix-synth", "mlp_small")),
            new GateEntry("netflix-synth", "mlp_medium", Approve(Shift(Noise(ToolResult(), 0.0004, 2), "FoxBird", "plcc", 0.01)), Noise(ToolResult(), 0.0004, 2), B("netflix-synth", "mlp_medium")),
            new GateEntry("netflix-synth", "mlp_large", twice, Shift(Noise(ToolResult(), 0.0004, 3), null, "rmse", -0.2), B("netflix-synth", "mlp_large")),
            new GateEntry("konvid-synth", "mlp_small", Base(4), otherRecipe, B("konvid-synth", "mlp_small")),
            new GateEntry("konvid-synth", "mlp_medium", null, Noise(ToolResult(), 0.0004, 5), B("konvid-synth", "mlp_medium")),
            new GateEntry("konvid-synth", "mlp_large", Base(6), diverged, B("konvid-synth", "mlp_large")),
            new GateEntry("old-corpus", "mlp_small", Base(7), null, B("old-corpus", "mlp_small")),
        ];
    }

    public static GateReport Report(IReadOnlyList<GateEntry> entries) =>
        new GateEvaluator(GatePolicy.Default).Evaluate(entries, ["baselines/gone/mlp_tiny.received.json"]);

    /// <summary>Gives <paramref name="r"/> one approval with its own headline numbers.</summary>
    private static EvaluationResult Approve(EvaluationResult r)
    {
        r.History = [new HistoryEntry { ApprovedUtc = Approved, Reason = "initial", Overall = Stats(r) }];
        return r;
    }

    private static MetricSummary Stats(EvaluationResult r)
    {
        double[] PerSeed(Func<CellMetrics, double> f) => r.PerSeedPerFold.Values.Select(x => x.Values.Average(f)).ToArray();
        static double Std(double[] v) => Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1));
        var plcc = PerSeed(c => c.Plcc);
        var rmse = PerSeed(c => c.Rmse);
        return new MetricSummary { MeanPlcc = plcc.Average(), StdPlcc = Std(plcc), MeanRmse = rmse.Average(), StdRmse = Std(rmse) };
    }
}
