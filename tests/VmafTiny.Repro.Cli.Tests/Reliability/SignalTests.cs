using System.Diagnostics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Evaluation;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>Ctrl-C and SIGTERM during a run: prompt exit 130, a valid cache, and a resume.</summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed partial class SignalTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ToolProcess.SigInt, "SIGINT")]
    [InlineData(ToolProcess.SigTerm, "SIGTERM")]
    public void Verify_ExitsPromptlyWith130_KeepsAValidCache_AndResumes_WhenSignalled(int signal, string name)
    {
        using var repo = SlowRepo();
        string[] args = ["verify", "--engine", "sequential", "--threads", "1"];

        using (var tool = ToolProcess.Start(repo.Root, args))
        {
            Assert.True(tool.WaitForOutput(o => o.Contains("nf/mid: 1/18 ", StringComparison.Ordinal), TimeSpan.FromSeconds(60)),
                $"no training finished: {tool}");
            var clock = Stopwatch.StartNew();
            tool.Signal(signal);
            // A guard against a hang, not a speed limit: "promptly" is that the grid was not finished (below).
            Assert.True(tool.WaitForExit(TimeSpan.FromSeconds(120)), $"still running 120 s after {name}: {tool}");
            output.WriteLine($"{name}: exited {clock.ElapsedMilliseconds} ms after the signal; stderr: {tool.Errors}");

            Assert.Equal(130, tool.ExitCode);
            Assert.Contains("interrupted: finished trainings are kept in runs/cache; run the same command again to resume.", tool.Errors);
            Expect.NoStackTrace(tool.Errors);
            Assert.DoesNotContain("nf/mid: 18/18", tool.Output);
        }

        var entries = TempRepo.FilesUnder(repo.CacheDir);
        Assert.NotEmpty(entries);
        Assert.All(entries, f => Assert.EndsWith(".json", f)); // no temp file left behind
        Assert.All(entries, f => Assert.NotNull(JObject.Parse(File.ReadAllText(f))["plcc"]));
        Assert.False(File.Exists(repo.ReceivedPath("mid")));

        var resumed = ToolProcess.Run(repo.Root, TimeSpan.FromSeconds(120), args);
        output.WriteLine(resumed.Output);
        Assert.Equal(3, resumed.ExitCode); // finished: no baseline yet
        var cached = int.Parse(FromCache().Match(resumed.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(cached > 0 && cached == entries.Count, $"resumed with {cached} cached trainings, {entries.Count} cache entries");
        Assert.Contains("nf/mid: 18/18", resumed.Output);
        Assert.True(File.Exists(repo.ReceivedPath("mid")));
    }

    /// <summary>18 sequential trainings of a [32, 16] MLP on 2,000 rows, 6 epochs: a few seconds.</summary>
    private static TempRepo SlowRepo()
    {
        var repo = TempRepo.CreateEmpty();
        repo.WriteConfig(RepoConfig.Small() with { Epochs = 6, Architectures = new Dictionary<string, int[]> { ["mid"] = [32, 16] } });
        Workspace.GenerateSynthetic(new SyntheticCorpusSettings("netflix", 2000, 1), repo.CorpusPath);
        return repo;
    }

    [GeneratedRegex(@"nf/mid: 18 trainings, (\d+) from cache")]
    private static partial Regex FromCache();
}
