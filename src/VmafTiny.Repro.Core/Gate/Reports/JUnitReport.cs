using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VmafTiny.Repro.Gate.Reports;

/// <summary>
/// The gate report as JUnit XML: one &lt;testsuite name="vmaf-repro"&gt; with one
/// &lt;testcase classname="vmaf-repro.&lt;corpus&gt;" name="&lt;arch&gt;"&gt; per pair; regressed →
/// &lt;failure&gt;, not comparable / missing baseline → &lt;error&gt;, stale → &lt;skipped&gt;,
/// pass / improved → a plain test case with &lt;system-out&gt;. No timestamps or host names.
/// </summary>
public static class JUnitReport
{
    public static string Render(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suite = new XElement("testsuite",
            new XAttribute("name", "vmaf-repro"),
            new XAttribute("tests", report.Pairs.Count + report.Exports.Count),
            new XAttribute("failures", report.Count(GateVerdict.Regressed) + report.Exports.Count(e => !e.Passed)),
            new XAttribute("errors", report.Count(GateVerdict.NotComparable) + report.Count(GateVerdict.InvalidBaseline) + report.Count(GateVerdict.MissingBaseline)),
            new XAttribute("skipped", report.Count(GateVerdict.StaleBaseline)),
            report.Pairs.Select(Case).Concat(ExportReportSection.JUnitCases(report.Exports)));

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, settings)) new XDocument(new XDeclaration("1.0", "utf-8", null), suite).Save(w);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static XElement Case(PairResult p)
    {
        var tc = new XElement("testcase", new XAttribute("classname", $"vmaf-repro.{p.Corpus}"), new XAttribute("name", p.Arch));
        var details = string.Join("\n", Lines(p));
        switch (p.Verdict)
        {
            case GateVerdict.Regressed:
                var regressed = p.RegressedChecks.ToList();
                var message = regressed.Count > 0 ? GateDiagnostics.RegressionText(regressed)
                    : string.Join("; ", p.CellProblems.Select(c => c.Describe()));
                tc.Add(new XElement("failure", new XAttribute("message", message), new XAttribute("type", regressed.Count > 0 ? "VMR1001" : "VMR1002"), details));
                break;
            case GateVerdict.NotComparable:
                tc.Add(new XElement("error", new XAttribute("message", p.Reason ?? ""), new XAttribute("type", "VMR1003")));
                break;
            case GateVerdict.InvalidBaseline:
                tc.Add(new XElement("error", new XAttribute("message", p.Reason ?? ""), new XAttribute("type", "VMR1009")));
                break;
            case GateVerdict.MissingBaseline:
                tc.Add(new XElement("error", new XAttribute("message", "no baseline"), new XAttribute("type", "VMR1004")));
                break;
            case GateVerdict.StaleBaseline:
                tc.Add(new XElement("skipped", new XAttribute("message", "stale baseline: the pair is not configured")));
                break;
            default:
                tc.Add(new XElement("system-out", $"{ReportText.Verdict(p.Verdict)}\n{details}"));
                break;
        }
        return tc;
    }

    private static IEnumerable<string> Lines(PairResult p)
    {
        foreach (var c in p.Checks)
            yield return $"{c.Metric.Key()}: baseline {ReportText.Value(c.Metric, c.BaselineMean)} ± {ReportText.Value(c.Metric, c.BaselineStd)}, " +
                $"fresh {ReportText.Value(c.Metric, c.FreshMean)}, Δ {ReportText.Signed(c.Metric, c.Delta)}, band ±{ReportText.Value(c.Metric, c.Band)}, " +
                $"Holm p {ReportText.P(c.AdjustedPValue)}{(c.Regressed ? " REGRESSED" : c.ImprovedBeyondBand ? " improved" : "")}";
        foreach (var cell in p.CellProblems) yield return cell.Describe();
        if (p.NotComparedReasons.Count > 0) yield return VerdictText.NotCompared(p);
    }
}
