using System.Diagnostics;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// Names and paths that used to destroy baselines or write outside the repository (issue 15,
/// cases 1-5 and 10): refused with one line, or written where they belong, never replacing
/// anything that is not a regular file of the tool's own.
/// </summary>
public sealed class NamesAndPathsTests
{
    [Theory]
    [InlineData("tiny.received", "ends in the reserved suffix '.received'")]
    [InlineData("tiny.lock", "ends in the reserved suffix '.lock'")]
    [InlineData(".hidden", "starts with '.'")]
    [InlineData("a..b", "contains '..'")]
    [InlineData("new\nline", "contains the control character U+000A")]
    [InlineData("nul\0byte", "contains the control character U+0000")]
    [InlineData("sl/ash", "contains '/'")]
    public void Verify_ExitsTwo_NamingTheRule_WhenAnArchitectureNameCannotBeAFileName(string name, string why)
    {
        using var repo = TempRepo.FromTemplate();
        var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
        config["architectures"]![name] = new JArray(4);
        File.WriteAllText(repo.ConfigPath, config.ToString());
        var before = Snapshot(repo.BaselinesDir);

        var result = CliHost.Run(repo, "verify", "--threads", "1");

        var line = Expect.OneLineError(result, 2, "VMR3110", why, "letters, digits");
        Assert.DoesNotContain('\n', line);
        Assert.Equal(before, Snapshot(repo.BaselinesDir));
    }

    [Fact]
    public void Verify_ExitsTwo_AndKeepsTheBaseline_WhenRunsDirIsTheBaselinesFolder()
    {
        using var repo = TempRepo.FromTemplate();
        var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
        config["runs_dir"] = "baselines";
        File.WriteAllText(repo.ConfigPath, config.ToString());
        var before = Snapshot(repo.BaselinesDir);

        var result = CliHost.Run(repo, "verify", "--threads", "1");

        Expect.OneLineError(result, 2, "VMR3108", "overlap", "separate folders");
        Assert.Equal(before, Snapshot(repo.BaselinesDir));
    }

    [Theory]
    [InlineData("baselines/runs")]
    [InlineData(".")]
    public void Verify_ExitsTwo_WhenOneFolderContainsTheOther(string runsDir)
    {
        using var repo = TempRepo.FromTemplate();
        var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
        config["runs_dir"] = runsDir;
        File.WriteAllText(repo.ConfigPath, config.ToString());

        Expect.OneLineError(CliHost.Run(repo, "verify", "--threads", "1"), 2, "VMR3108", "overlap");
    }

    [Fact]
    public void Verify_ExitsTwo_WhenBaselinesDirNamesAFile()
    {
        using var repo = TempRepo.FromTemplate();
        var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
        config["baselines_dir"] = "vmaf-repro.json";
        File.WriteAllText(repo.ConfigPath, config.ToString());

        Expect.OneLineError(CliHost.Run(repo, "verify", "--threads", "1"), 2, "VMR3108", "baselines_dir", "not a folder");
    }

    [Fact]
    public void Run_WritesUnderRuns_WhenTheCorpusFileNameIsDotDot()
    {
        using var repo = TempRepo.FromTemplate();
        var dir = Path.Combine(repo.Root, "some", "dir");
        Directory.CreateDirectory(dir);
        File.Copy(repo.CorpusPath, Path.Combine(dir, "..parquet"));
        var config = File.ReadAllBytes(repo.ConfigPath);

        var result = CliHost.Run(repo, "run", "--corpus", "some/dir/..parquet", "--arch", "vmaf-repro", "--epochs", "1", "--seeds", "0", "--threads", "1",
            "--config", WriteArchConfig(repo, "vmaf-repro"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(repo.RunsDir, "corpus", "vmaf-repro.json")), result.ToString());
        Assert.Equal(config, File.ReadAllBytes(repo.ConfigPath));
    }

    [Fact]
    public void Verify_WritesTheReportThroughASymlinkToDevNull_WithoutReplacingIt()
    {
        using var repo = TempRepo.FromTemplate();
        var link = Path.Combine(repo.Root, "report-link");
        File.CreateSymbolicLink(link, "/dev/null");

        var result = CliHost.Run(repo, "verify", "--threads", "1", "--report", "md", "--report-file", link);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(IO.FileKind.CharacterDevice, IO.FileKinds.Target(link));
    }

    [Fact]
    public async Task Verify_WritesTheReportIntoAFifo_WithoutReplacingIt()
    {
        using var repo = TempRepo.FromTemplate();
        var fifo = Path.Combine(repo.Root, "report.fifo");
        Assert.Equal(0, Shell.Run("mkfifo", fifo).ExitCode);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var result = CliHost.Run(repo, "verify", "--threads", "1", "--report", "json", "--report-file", fifo);

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("\"verdict\"", text);
        Assert.Equal(IO.FileKind.Fifo, IO.FileKinds.Of(fifo));
    }

    [Fact]
    public void Synth_WritesThroughASymlinkToDevNull_WithoutReplacingIt()
    {
        using var repo = TempRepo.CreateEmpty();
        var link = Path.Combine(repo.Root, "out-link");
        File.CreateSymbolicLink(link, "/dev/null");

        var result = CliHost.Run(repo, "synth", "--shape", "netflix", "--rows", "200", "--out", link);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(IO.FileKind.CharacterDevice, IO.FileKinds.Target(link));
    }

    [Fact]
    public async Task Synth_WritesTheParquetFileIntoAFifo_WithoutReplacingIt()
    {
        using var repo = TempRepo.CreateEmpty();
        var fifo = Path.Combine(repo.Root, "corpus.fifo");
        Assert.Equal(0, Shell.Run("mkfifo", fifo).ExitCode);
        var reader = Task.Run(() => File.ReadAllBytes(fifo));

        var result = CliHost.Run(repo, "synth", "--shape", "netflix", "--rows", "200", "--out", fifo);

        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = await reader.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        Assert.Equal(IO.FileKind.Fifo, IO.FileKinds.Of(fifo));
    }

    [Fact]
    public void Synth_ExitsTwo_WhenOutIsAFolder()
    {
        using var repo = TempRepo.CreateEmpty();
        var result = CliHost.Run(repo, "synth", "--shape", "netflix", "--rows", "200", "--out", repo.Root);
        Expect.OneLineError(result, 2, "VMR5003", "a folder, not a regular file");
    }

    [Fact]
    public void Verify_ExitsTwo_WhenTheReportFileIsAFolder()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verify", "--threads", "1", "--report", "md", "--report-file", repo.RunsDir);
        Expect.OneLineError(result, 2, "VMR5003", "a folder, not a regular file");
        Assert.True(Directory.Exists(repo.CacheDir));
    }

    [Fact]
    public void Verify_RefusesTheLock_AndCreatesNothing_WhenBaselinesLockIsASymlink()
    {
        using var repo = TempRepo.FromTemplate();
        var outside = Path.Combine(Path.GetTempPath(), $"vmaf-repro-lock-target-{Guid.NewGuid():N}");
        var lockPath = Path.Combine(repo.BaselinesDir, ".lock");
        if (File.Exists(lockPath)) File.Delete(lockPath);
        File.CreateSymbolicLink(lockPath, outside);

        var result = CliHost.Run(repo, "verify", "--threads", "1");

        Expect.OneLineError(result, 4, "VMR5002", "is a symbolic link", "Delete it");
        Assert.False(File.Exists(outside));
    }

    [Theory]
    [InlineData("/dev/stdin")]
    [InlineData("fifo")]
    public async Task Run_ExitsTwo_BeforeOpening_WhenTheCorpusIsNotARegularFile(string corpus)
    {
        using var repo = TempRepo.FromTemplate();
        if (corpus == "fifo")
        {
            corpus = Path.Combine(repo.Root, "nf.parquet");
            Assert.Equal(0, Shell.Run("mkfifo", corpus).ExitCode);
        }
        // A hang guard, not a budget: opening a FIFO would block until a writer came.
        var run = Task.Run(() => CliHost.Run(repo, "run", "--corpus", corpus, "--arch", "tiny", "--threads", "1"));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(120)); // throws TimeoutException when it blocked

        Expect.OneLineError(result, 2, "VMR2001", "not a regular file");
    }

    private static string WriteArchConfig(TempRepo repo, string arch)
    {
        var path = Path.Combine(repo.Root, "other.json");
        var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
        config["architectures"] = new JObject { [arch] = new JArray(4) };
        File.WriteAllText(path, config.ToString());
        return path;
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        TempRepo.FilesUnder(dir).ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
