namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>Assertions shared by the reliability tests.</summary>
internal static class Expect
{
    /// <summary>
    /// The run failed with <paramref name="exitCode"/> and exactly one line on standard error that
    /// starts with <c>error {code}:</c>, contains every fragment, and carries no stack trace.
    /// </summary>
    public static string OneLineError(CliResult result, int exitCode, string code, params string[] fragments)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}: {result}");
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error {code}: ", line);
        foreach (var f in fragments) Assert.Contains(f, line, StringComparison.OrdinalIgnoreCase);
        NoStackTrace(result.All);
        return line;
    }

    public static void NoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception:", text);
    }
}
