using System.Text;
using Newtonsoft.Json;

namespace VmafTiny.Repro.Gate.Reports;

/// <summary>
/// The gate report as JSON with a stable key order (written field by field), LF line endings,
/// non-finite numbers as null.
/// </summary>
public static class JsonReport
{
    public const int SchemaVersion = 1;

    public static string Render(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        using (var sw = new StringWriter(sb, System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" })
        using (var w = new JsonTextWriter(sw) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            w.WriteStartObject();
            w.WritePropertyName("schema_version"); w.WriteValue(SchemaVersion);
            w.WritePropertyName("exit_code"); w.WriteValue(report.ExitCode);
            w.WritePropertyName("alpha"); Num(w, report.Alpha);
            w.WritePropertyName("summary");
            w.WriteStartObject();
            foreach (var v in Enum.GetValues<GateVerdict>())
            {
                w.WritePropertyName(ReportText.VerdictKey(v)); w.WriteValue(report.Count(v));
            }
            w.WriteEndObject();
            w.WritePropertyName("pairs");
            w.WriteStartArray();
            foreach (var p in report.Pairs) Pair(w, p);
            w.WriteEndArray();
            w.WritePropertyName("orphan_received");
            w.WriteStartArray();
            foreach (var o in report.OrphanReceived) w.WriteValue(o);
            w.WriteEndArray();
            ExportReportSection.Json(w, report.Exports);
            w.WriteEndObject();
        }
        return sb.Replace("\r\n", "\n").Append('\n').ToString();
    }

    private static void Pair(JsonTextWriter w, PairResult p)
    {
        w.WriteStartObject();
        w.WritePropertyName("corpus"); w.WriteValue(p.Corpus);
        w.WritePropertyName("arch"); w.WriteValue(p.Arch);
        w.WritePropertyName("verdict"); w.WriteValue(ReportText.VerdictKey(p.Verdict));
        w.WritePropertyName("baseline_path"); w.WriteValue(p.BaselinePath);
        w.WritePropertyName("reason"); w.WriteValue(p.Reason);
        w.WritePropertyName("k"); Num(w, p.K);
        w.WritePropertyName("cell_problems");
        w.WriteStartArray();
        foreach (var c in p.CellProblems)
        {
            w.WriteStartObject();
            w.WritePropertyName("fold"); w.WriteValue(c.Fold);
            w.WritePropertyName("seed"); w.WriteValue(c.Seed);
            w.WritePropertyName("diverged"); w.WriteValue(c.Diverged);
            w.WritePropertyName("non_finite");
            w.WriteStartArray();
            foreach (var m in c.Metrics) w.WriteValue(m.Key());
            w.WriteEndArray();
            w.WritePropertyName("note"); w.WriteValue(c.Note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("checks");
        w.WriteStartArray();
        foreach (var c in p.Checks) Check(w, c);
        w.WriteEndArray();
        w.WritePropertyName("not_compared");
        w.WriteStartArray();
        foreach (var m in p.NotCompared) w.WriteValue(m.Key());
        w.WriteEndArray();
        // Only the specific reasons (e.g. SROCC against a reference-format baseline); the others are undefined or absent.
        if (p.NotComparedReasons.Count > 0)
        {
            w.WritePropertyName("not_compared_reasons");
            w.WriteStartObject();
            foreach (var m in p.NotCompared.Where(p.NotComparedReasons.ContainsKey))
            {
                w.WritePropertyName(m.Key());
                w.WriteValue(p.NotComparedReasons[m]);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Check(JsonTextWriter w, MetricCheck c)
    {
        w.WriteStartObject();
        w.WritePropertyName("metric"); w.WriteValue(c.Metric.Key());
        w.WritePropertyName("regressed"); w.WriteValue(c.Regressed);
        w.WritePropertyName("improved"); w.WriteValue(c.ImprovedBeyondBand && !c.Regressed);
        w.WritePropertyName("baseline_mean"); Num(w, c.BaselineMean);
        w.WritePropertyName("baseline_std"); Num(w, c.BaselineStd);
        w.WritePropertyName("fresh_mean"); Num(w, c.FreshMean);
        w.WritePropertyName("delta"); Num(w, c.Delta);
        w.WritePropertyName("k"); Num(w, c.K);
        w.WritePropertyName("floor"); Num(w, c.Floor);
        w.WritePropertyName("band"); Num(w, c.Band);
        w.WritePropertyName("beyond_band"); w.WriteValue(c.BeyondBand);
        w.WritePropertyName("paired_n"); w.WriteValue(c.PairedN);
        w.WritePropertyName("p_value"); Num(w, c.PValue);
        w.WritePropertyName("p_value_holm"); Num(w, c.AdjustedPValue);
        w.WritePropertyName("consistent_shift"); w.WriteValue(c.ConsistentShift);
        w.WritePropertyName("driving_folds");
        w.WriteStartArray();
        foreach (var f in c.DrivingFolds)
        {
            w.WriteStartObject();
            w.WritePropertyName("fold"); w.WriteValue(f.Fold);
            w.WritePropertyName("baseline_mean"); Num(w, f.BaselineMean);
            w.WritePropertyName("fresh_mean"); Num(w, f.FreshMean);
            w.WritePropertyName("delta"); Num(w, f.FreshMean - f.BaselineMean);
            w.WritePropertyName("threshold"); Num(w, f.Threshold);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Num(JsonTextWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteValue(v);
        else w.WriteNull();
    }
}
