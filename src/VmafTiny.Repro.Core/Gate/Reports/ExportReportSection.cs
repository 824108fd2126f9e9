using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Newtonsoft.Json;
using VmafTiny.Repro.Export;

namespace VmafTiny.Repro.Gate.Reports;

/// <summary>
/// The configured exports in the reports: files (sha256, size) and check figures (parity, PLCC,
/// SROCC, RMSE, int8 drop), one verdict per check with its VMR code. Absent when nothing is exported.
/// </summary>
internal static class ExportReportSection
{
    public static void Json(JsonTextWriter w, IReadOnlyList<ExportOutcome> exports)
    {
        if (exports.Count == 0) return;
        w.WritePropertyName("exports");
        w.WriteStartArray();
        foreach (var e in exports)
        {
            w.WriteStartObject();
            w.WritePropertyName("id"); w.WriteValue(e.Id);
            w.WritePropertyName("corpus"); w.WriteValue(e.Corpus);
            w.WritePropertyName("arch"); w.WriteValue(e.Arch);
            w.WritePropertyName("passed"); w.WriteValue(e.Passed);
            w.WritePropertyName("files");
            w.WriteStartArray();
            foreach (var f in new[] { e.Onnx, e.Int8, e.Sidecar })
            {
                w.WriteStartObject();
                w.WritePropertyName("path"); w.WriteValue(f.Path);
                w.WritePropertyName("sha256"); w.WriteValue(f.Sha256);
                w.WritePropertyName("bytes"); w.WriteValue(f.Bytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("figures");
            w.WriteStartObject();
            w.WritePropertyName("rows"); w.WriteValue(e.Figures.Rows);
            Num(w, "max_parity_delta", e.Figures.MaxParityDelta);
            Num(w, "plcc", e.Figures.Plcc);
            Num(w, "srocc", e.Figures.Srocc);
            Num(w, "rmse", e.Figures.Rmse);
            Num(w, "int8_plcc", e.Figures.Int8Plcc);
            Num(w, "int8_drop", e.Figures.Int8Drop);
            w.WriteEndObject();
            w.WritePropertyName("checks");
            w.WriteStartArray();
            foreach (var c in e.Checks)
            {
                w.WriteStartObject();
                w.WritePropertyName("code"); w.WriteValue(c.Code);
                w.WritePropertyName("name"); w.WriteValue(c.Name);
                w.WritePropertyName("passed"); w.WriteValue(c.Passed);
                Num(w, "figure", c.Figure);
                Num(w, "limit", c.Limit);
                w.WritePropertyName("detail"); w.WriteValue(c.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void Markdown(StringBuilder sb, IReadOnlyList<ExportOutcome> exports)
    {
        if (exports.Count == 0) return;
        sb.Append('\n').Append("### Exported models\n\n");
        sb.Append("| id | corpus | arch | check | code | verdict | detail |\n|---|---|---|---|---|---|---|\n");
        foreach (var e in exports)
            foreach (var c in e.Checks)
                sb.Append($"| {e.Id} | {e.Corpus} | {e.Arch} | {c.Name} | {c.Code} | {(c.Passed ? "pass" : "**FAIL**")} | {c.Detail.Replace("|", "\\|")} |\n");
        sb.Append('\n');
        foreach (var e in exports)
            sb.Append(CultureInfo.InvariantCulture, $"- `{Path.GetFileName(e.Onnx.Path)}`: {e.Onnx.Bytes} bytes, sha256 `{e.Onnx.Sha256}`; `{Path.GetFileName(e.Int8.Path)}`: {e.Int8.Bytes} bytes, sha256 `{e.Int8.Sha256}`\n");
    }

    public static IEnumerable<XElement> JUnitCases(IReadOnlyList<ExportOutcome> exports) =>
        exports.Select(e =>
        {
            var tc = new XElement("testcase", new XAttribute("classname", $"vmaf-repro.export.{e.Corpus}"), new XAttribute("name", e.Id));
            var details = string.Join("\n", e.Checks.Select(c => $"{c.Code} {c.Name}: {(c.Passed ? "pass" : "FAIL")}: {c.Detail}"));
            var failed = e.Checks.Where(c => !c.Passed).ToList();
            tc.Add(failed.Count > 0
                ? new XElement("failure", new XAttribute("message", string.Join("; ", failed.Select(c => $"{c.Name}: {c.Detail}"))),
                    new XAttribute("type", failed[0].Code), details)
                : new XElement("system-out", details));
            return tc;
        });

    private static void Num(JsonTextWriter w, string name, double v)
    {
        w.WritePropertyName(name);
        if (double.IsFinite(v)) w.WriteValue(v);
        else w.WriteNull();
    }
}
