using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Core.Tests.Synthetic;

/// <summary>Column statistics used by the synthetic-corpus tests.</summary>
internal static class SyntheticStats
{
    public static (double Mean, double Std) MeanStd(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return (mean, Math.Sqrt(variance));
    }

    public static string Describe(SyntheticCorpusData data)
    {
        var lines = new List<string>();
        for (var f = 0; f < data.Features.Count; f++)
        {
            var (m, s) = MeanStd(data.Features[f]);
            lines.Add($"{data.FeatureNames[f]}: {m:F4} ± {s:F4} [{data.Features[f].Min():F4}, {data.Features[f].Max():F4}]");
        }
        var (tm, ts) = MeanStd(data.Target);
        lines.Add($"vmaf: {tm:F3} ± {ts:F3}, ties@100 {data.Target.Count(v => v == 100.0)}, zeros {data.Target.Count(v => v == 0.0)}");
        lines.Add("groups: " + string.Join(", ", data.Groups.GroupBy(g => g).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}")));
        return string.Join(Environment.NewLine, lines);
    }
}
