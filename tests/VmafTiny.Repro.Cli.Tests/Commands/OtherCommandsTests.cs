using System.Text.RegularExpressions;
using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Commands;

public sealed partial class OtherCommandsTests
{
    [Fact]
    public void Calibrate_PrintsFalseAlarmRate_AndSmallestDetectableDrop()
    {
        using var repo = TempRepo.FromTemplate();

        var result = CliHost.Run(repo, "calibrate", "--reruns", "1", "--arch", "tiny", "--threads", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("false-alarm rate", result.Output);
        Assert.Contains("smallest PLCC drop detected", result.Output);
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains(" tiny ", StringComparison.Ordinal));
        Assert.Matches(CalibrationRow(), row);
    }

    [Fact]
    public void Calibrate_WithSameSeeds_RetrainsTheBaselinesSeeds_AndPairsCells()
    {
        using var repo = TempRepo.FromTemplate();

        var result = CliHost.Run(repo, "calibrate", "--same-seeds", "--reruns", "1", "--arch", "tiny", "--threads", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("reruns with the same seeds", result.Output);
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains(" tiny ", StringComparison.Ordinal));
        // The fake engine is deterministic: the retrained cells equal the baseline's, so nothing is a false alarm.
        Assert.Matches(@"│\s*1\s*│\s*0\s*│\s*0 %\s*│\s*[0-9.]+\s*│\s*0\.0E\+0\s*│", row);
    }

    [Fact]
    public void Calibrate_FailsWithOneLineError_WhenThereIsNoBaseline()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false);

        var result = CliHost.Run(repo, "calibrate", "--reruns", "1", "--arch", "tiny", "--threads", "2");

        Expect.OneLineError(result, 3, "VMR1004", "no baseline to calibrate against");
    }

    [Fact]
    public void Synth_WritesIdenticalBytes_WhenRunTwice()
    {
        using var repo = TempRepo.CreateEmpty();

        var first = CliHost.Run(repo, "synth", "--shape", "netflix", "--rows", "500", "--out", "x.parquet");
        var bytes = File.ReadAllBytes(Path.Combine(repo.Root, "x.parquet"));
        var second = CliHost.Run(repo, "synth", "--shape", "netflix", "--rows", "500", "--out", "x.parquet");
        var third = CliHost.Run(repo, "synth", "--shape", "netflix", "--rows", "500", "--out", "y.parquet");

        Assert.Equal([0, 0, 0], new[] { first.ExitCode, second.ExitCode, third.ExitCode });
        Assert.Contains("wrote netflix corpus, 500 rows", first.Output);
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(repo.Root, "x.parquet")));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(repo.Root, "y.parquet")));
    }

    [Fact]
    public void Inputs_ListsTheConfigurationCorporaAndBaselines()
    {
        using var repo = TempRepo.FromTemplate();

        var result = CliHost.Run(repo, "inputs");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(repo.ConfigPath, lines[0]);
        Assert.Contains(repo.CorpusPath, lines);
        Assert.Contains(repo.BaselinePath("tiny"), lines);
        Assert.Contains(repo.BaselinePath("small"), lines);
        Assert.DoesNotContain(lines, l => l.EndsWith(".received.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_ListsTheProductCommands_ButNotTheBenchmarkTools_WhichStillRun()
    {
        using var repo = TempRepo.CreateEmpty();

        var help = CliHost.Run(repo, "--help");
        var benchHelp = CliHost.Run(repo, "bench", "--help");

        Assert.True(help.ExitCode == 0, help.ToString());
        foreach (var command in new[] { "verify", "approve", "run", "calibrate", "synth", "inputs" })
            Assert.Matches($@"(?m)^\s+{command}\s", help.Output);
        Assert.DoesNotMatch(@"(?m)^\s+bench", help.Output);
        Assert.True(benchHelp.ExitCode == 0, benchHelp.ToString());
        Assert.Contains("--konvid-rows", benchHelp.Output);
    }

    // corpus, arch, reruns compared, false alarms, a percentage, a PLCC drop.
    [GeneratedRegex(@"│ nf\s+│ tiny\s+│ 1\s+│ [01]\s+│ \d+ ?%\s+│ \d\.\d{6}\s+│")]
    private static partial Regex CalibrationRow();
}
