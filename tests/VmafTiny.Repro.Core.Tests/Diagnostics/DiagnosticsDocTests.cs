using System.Reflection;
using System.Text.RegularExpressions;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Core.Tests.Diagnostics;

/// <summary>
/// Every VMR code the sources raise is a row of docs/diagnostics.md and every row is raised
/// somewhere; every exit code of <see cref="ExitCodes"/> is in the README's and the doc's tables and
/// no other. Comments are not code: a code only mentioned in a comment counts for neither side.
/// </summary>
public sealed partial class DiagnosticsDocTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VmafTiny.Repro.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (VmafTiny.Repro.sln) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"VMR(\d{4})")] private static partial Regex Code();
    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)] private static partial Regex LineComment();
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)] private static partial Regex XmlComment();
    [GeneratedRegex(@"^\| VMR(\d{4})(?:[–-](\d{4}))? \|", RegexOptions.Multiline)] private static partial Regex CodeRow();
    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)] private static partial Regex ExitRow();

    private static SortedSet<int> RaisedCodes()
    {
        var files = new[] { "src", "eng" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var codes = new SortedSet<int>();
        foreach (var f in files)
        {
            var text = XmlComment().Replace(LineComment().Replace(File.ReadAllText(f), ""), "");
            foreach (Match m in Code().Matches(text)) codes.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return codes;
    }

    private static SortedSet<int> DocumentedCodes()
    {
        var codes = new SortedSet<int>();
        foreach (Match m in CodeRow().Matches(File.ReadAllText(Path.Combine(Root, "docs", "diagnostics.md"))))
        {
            var first = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : first;
            for (var c = first; c <= last; c++) codes.Add(c);
        }
        return codes;
    }

    [Fact]
    public void EveryRaisedCode_IsDocumented_AndEveryDocumentedCodeIsRaised()
    {
        var raised = RaisedCodes();
        var documented = DocumentedCodes();

        Assert.Contains(2020, raised); // the scan sees this change's codes
        Assert.Equal([], raised.Except(documented).Select(c => $"VMR{c} is raised but not in docs/diagnostics.md"));
        Assert.Equal([], documented.Except(raised).Select(c => $"VMR{c} is in docs/diagnostics.md but raised nowhere"));
    }

    [Theory]
    [InlineData("README.md", "### Exit codes")]
    [InlineData("docs/diagnostics.md", "## Exit codes")]
    public void ExitCodeTables_ListExactlyTheExitCodes(string file, string heading)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{file} has no '{heading}'");
        var section = text[start..];
        var end = section.IndexOf("\n#", heading.Length, StringComparison.Ordinal);
        if (end > 0) section = section[..end];

        var documented = ExitRow().Matches(section).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var defined = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (int)f.GetRawConstantValue()!).Order().ToList();

        Assert.Equal(defined, documented);
    }
}
