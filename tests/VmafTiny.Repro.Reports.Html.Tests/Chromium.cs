using System.Diagnostics;

namespace VmafTiny.Repro.Reports.Html.Tests;

/// <summary>
/// Debian's headless chromium, run as a process: a screenshot, the serialised DOM, and the console
/// messages of the page (chromium logs them to stderr as <c>CONSOLE</c> lines with --enable-logging=stderr).
/// </summary>
internal static class Chromium
{
    public const string InstallHint = "install it with: apt-get update && apt-get install -y chromium (.ci/run does this in CI)";

    /// <summary>The browser: $CHROMIUM, else chromium, chromium-browser or google-chrome on PATH; null when none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured) return configured;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        /// <summary>The page's console messages (errors, CSP violations, script output).</summary>
        public IReadOnlyList<string> Console => StdErr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        public override string ToString() => $"exit {ExitCode}\n--- stderr ---\n{StdErr}";
    }

    /// <summary>Opens <paramref name="htmlFile"/> headless; <paramref name="mode"/> is e.g. --screenshot=FILE or --dump-dom.</summary>
    public static Result Open(string htmlFile, string mode, string workDir)
    {
        var exe = Find() ?? throw new InvalidOperationException($"chromium not found; {InstallHint}");
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workDir,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--enable-logging=stderr", "--v=0", $"--user-data-dir={Path.Combine(workDir, "profile")}",
            "--window-size=1200,3000", mode, new Uri(htmlFile).AbsoluteUri,
        }) psi.ArgumentList.Add(a);

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish in 90 s ({mode})");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>
/// A test that needs chromium: skipped with the install hint when chromium is absent on a
/// developer machine, run (and failing with the hint) when CI is set.
/// </summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Find() is null && !Chromium.InCi) Skip = $"chromium not found; {Chromium.InstallHint}";
    }
}
