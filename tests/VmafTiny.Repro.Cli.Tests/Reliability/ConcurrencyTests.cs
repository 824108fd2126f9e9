using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>Two verify processes on one repository: both finish and every file they wrote parses.</summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ConcurrencyTests
{
    [Fact]
    public void TwoVerifies_OnTheSameRepository_BothFinish_AndEveryFileParses()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false, withCache: false);
        string[] args = ["verify", "--threads", "1"];

        using var a = ToolProcess.Start(repo.Root, args);
        using var b = ToolProcess.Start(repo.Root, args);
        Assert.True(a.WaitForExit(TimeSpan.FromSeconds(120)), a.ToString());
        Assert.True(b.WaitForExit(TimeSpan.FromSeconds(120)), b.ToString());

        Assert.True(a.ExitCode == 3, a.ToString()); // missing baselines: received files written
        Assert.True(b.ExitCode == 3, b.ToString());
        Assert.Empty(a.Errors.Trim());
        Assert.Empty(b.Errors.Trim());
        var files = TempRepo.FilesUnder(repo.BaselinesDir).Concat(TempRepo.FilesUnder(repo.RunsDir)).ToList();
        Assert.Contains(repo.ReceivedPath("tiny"), files);
        Assert.Contains(repo.RunPath("small"), files);
        Assert.Equal(36, TempRepo.FilesUnder(repo.CacheDir).Count); // 2 archs x 2 seeds x 9 folds, no temp file left
        foreach (var file in files.Where(f => Path.GetFileName(f) != ".lock"))
        {
            Assert.EndsWith(".json", file);
            var ex = Record.Exception(() => JToken.Parse(File.ReadAllText(file)));
            Assert.True(ex is null, $"{file} does not parse: {ex?.Message}");
        }
    }
}
