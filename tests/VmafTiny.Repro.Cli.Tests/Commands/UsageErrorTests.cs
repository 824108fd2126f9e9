using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Commands;

public sealed class UsageErrorTests
{
    [Fact]
    public void UnknownOption_ExitsTwo_WithOneLineMessage()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verify", "--bogus");
        Expect.OneLineError(result, 2, "VMR3100", "bogus", "vmaf-repro verify --help");
    }

    [Fact]
    public void UnknownCommand_ExitsTwo_WithOneLineMessage()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verfiy");
        Expect.OneLineError(result, 2, "VMR3100", "verfiy", "Run 'vmaf-repro --help'");
    }

    [Fact]
    public void UnknownEngine_ExitsTwo_NamingTheChoices()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verify", "--engine", "foo");
        Expect.OneLineError(result, 2, "VMR3100", "--engine must be 'fused', 'batched' or 'sequential', not 'foo'");
    }

    [Fact]
    public void ApproveWithoutReason_ExitsTwo_AndChangesNoBaseline()
    {
        using var repo = TempRepo.FromTemplate();
        File.Copy(repo.RunPath("tiny"), repo.ReceivedPath("tiny"));
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "approve");

        Expect.OneLineError(result, 2, "VMR3100", "--reason is required");
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
        Assert.True(File.Exists(repo.ReceivedPath("tiny")));
    }

    [Fact]
    public void VerifyApproveWithoutReason_ExitsTwo()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verify", "--approve");
        Expect.OneLineError(result, 2, "VMR3100", "--approve needs --reason");
    }

    [Fact]
    public void UnknownArchName_ExitsTwo_NamingTheConfiguredOnes()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verify", "--arch", "mlp_huge");
        Expect.OneLineError(result, 2, "VMR3102", "mlp_huge");
    }

    [Fact]
    public void UnknownCorpusName_ExitsTwo()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verify", "--corpus", "konvid");
        Expect.OneLineError(result, 2, "VMR3103", "konvid");
    }

    [Fact]
    public void BadReportFormat_ExitsTwo()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "verify", "--report", "pdf");
        Expect.OneLineError(result, 2, "VMR3100", "--report must be md, json, junit or html");
    }

    [Fact]
    public void BadSeedList_ExitsTwo()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--seeds", "0,0");
        Expect.OneLineError(result, 2, "VMR3109", "seed 0 is given twice");
    }

    [Fact]
    public void Verbose_AddsTheStackTrace_ForAReproException()
    {
        using var repo = TempRepo.FromTemplate();

        var result = CliHost.Run(repo, "verify", "--arch", "mlp_huge", "--verbose");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error VMR3102: ", result.ErrorLines[0]);
        Assert.Contains("ReproException", result.Errors);
        Assert.Contains("ResolveArchitectures", result.Errors);
        Assert.True(result.ErrorLines.Count > 2, result.ToString());
    }
}
