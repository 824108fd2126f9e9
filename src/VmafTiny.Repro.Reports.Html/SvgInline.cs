using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace VmafTiny.Repro.Reports.Html;

/// <summary>
/// Turns a standalone SVG document into an element for an HTML page: no XML declaration, ids
/// prefixed (every ScottPlot SVG names its clip paths the same way, and ids are page-wide in
/// HTML), a viewBox so it scales, and an accessible name (role="img" and a &lt;title&gt;).
/// </summary>
internal static partial class SvgInline
{
    public static string Inline(string svg, string idPrefix, string alt, int width, int height)
    {
        var body = XmlDeclaration().Replace(svg, "").Trim();
        body = IdAttribute().Replace(body, m => $"id=\"{idPrefix}{m.Groups[1].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{idPrefix}{m.Groups[1].Value})");
        body = HrefReference().Replace(body, m => $"{m.Groups[1].Value}=\"#{idPrefix}{m.Groups[2].Value}\"");
        var open = body.IndexOf("<svg", StringComparison.Ordinal);
        var end = body.IndexOf('>', open);
        if (open < 0 || end < 0) throw new InvalidOperationException("not an SVG document");
        var titleId = idPrefix + "title";
        var attributes = string.Create(CultureInfo.InvariantCulture,
            $" role=\"img\" aria-labelledby=\"{titleId}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\"");
        return body[..end] + attributes + body[end..(end + 1)] + $"<title id=\"{titleId}\">{WebUtility.HtmlEncode(alt)}</title>" + body[(end + 1)..];
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("(xlink:href|href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();
}
