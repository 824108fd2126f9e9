namespace VmafTiny.Repro.Reports.Html;

/// <summary>The report's only style sheet (inline: the file must stand alone).</summary>
internal static class HtmlStyle
{
    public const string Css = """

body { font-family: "DejaVu Sans", system-ui, sans-serif; color: #111; background: #fff; margin: 0; }
main { max-width: 1000px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; border-bottom: 2px solid #444; padding-bottom: .25rem; }
.summary { color: #333; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .85rem; width: 100%; }
caption { text-align: left; font-weight: bold; margin-bottom: .3rem; }
th, td { border: 1px solid #999; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
td.verdict { font-weight: bold; white-space: nowrap; }
tr.regressed td.verdict, tr.marked { background: #f6d5d5; }
tr.regressed td.verdict { border-left: 4px solid #a50026; }
tr.not_comparable td.verdict, tr.missing_baseline td.verdict { background: #fbe9c6; border-left: 4px dashed #7a4f00; }
tr.marked th, tr.marked td { font-weight: bold; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; border: 1px solid #ccc; }
figcaption { font-size: .8rem; color: #333; margin-top: .3rem; }
.notes li { margin: .2rem 0; }
code { font-size: .85em; }

""";
}
