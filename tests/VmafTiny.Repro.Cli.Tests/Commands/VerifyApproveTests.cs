using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Commands;

public sealed class VerifyApproveTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Verify_ExitsNotComparable_AndWritesReceivedFilesButNoBaseline_WhenBaselinesAreMissing(bool ci)
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false);
        var env = new Dictionary<string, string> { ["CI"] = ci ? "true" : "" };

        var result = CliHost.RunWithEnv(repo, env, "verify", "--threads", "1");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("missing baseline", result.Output);
        Assert.True(File.Exists(repo.ReceivedPath("tiny")));
        Assert.True(File.Exists(repo.ReceivedPath("small")));
        Assert.Contains($"received: {repo.ReceivedPath("tiny")}", result.Output);
        Assert.False(File.Exists(repo.BaselinePath("tiny")));
        Assert.False(File.Exists(repo.BaselinePath("small")));
        Assert.Contains("gate failed (exit 3)", result.Output);
    }

    [Fact]
    public void Approve_PromotesReceivedFiles_WithReasonInHistory_AndLeavesNoTemporaryFile()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false);
        Assert.Equal(3, CliHost.Run(repo, "verify", "--threads", "1").ExitCode);
        var received = TempRepo.ReadJson(repo.ReceivedPath("tiny"));

        var result = CliHost.Run(repo, "approve", "--reason", "first baseline of tiny");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"baseline updated: {repo.BaselinePath("tiny")}", result.Output);
        Assert.False(File.Exists(repo.ReceivedPath("tiny")));
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        Assert.True(JToken.DeepEquals(received["per_seed_per_fold"], baseline["per_seed_per_fold"]));
        var history = Assert.Single((JArray)baseline["history"]!);
        Assert.Equal("first baseline of tiny", (string?)history["reason"]);
        Assert.NotNull(history["provenance"]);
        Assert.Null(history["previous_overall"]);
        // Atomic write: the temp file was renamed, none is left behind.
        Assert.DoesNotContain(TempRepo.FilesUnder(repo.BaselinesDir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Approve_AppendsHistory_WithPreviousNumbers_WhenABaselineExists()
    {
        using var repo = TempRepo.FromTemplate();
        var fresh = TempRepo.ReadJson(repo.RunPath("tiny"));
        ResultEdits.ShiftFold(fresh, "Tennis", "plcc", -0.01);
        TempRepo.WriteJson(repo.ReceivedPath("tiny"), fresh);

        var result = CliHost.Run(repo, "approve", "--arch", "tiny", "--reason", "accept the Tennis drop");

        Assert.True(result.ExitCode == 0, result.ToString());
        var history = (JArray)TempRepo.ReadJson(repo.BaselinePath("tiny"))["history"]!;
        Assert.Equal(["template", "accept the Tennis drop"], history.Select(h => (string?)h["reason"]));
        Assert.NotNull(history[1]["previous_overall"]);
    }

    [Fact]
    public void Verify_ExitsZero_AndWritesNoReceivedFile_AfterApproval()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false);
        Assert.Equal(3, CliHost.Run(repo, "verify", "--threads", "1").ExitCode);
        Assert.Equal(0, CliHost.Run(repo, "approve", "--reason", "initial").ExitCode);

        var result = CliHost.Run(repo, "verify", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("gate passed", result.Output);
        Assert.DoesNotContain("received:", result.Output);
        Assert.Empty(Directory.GetFiles(repo.BaselinesDir, "*.received.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Approve_FailsWithOneLineError_WhenThereIsNothingToApprove()
    {
        using var repo = TempRepo.FromTemplate();
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "approve", "--reason", "nothing");

        Expect.OneLineError(result, 2, "VMR3203", "no received files", "vmaf-repro verify");
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
    }
}
