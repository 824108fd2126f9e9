using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// A bad corpus, as the CLI reports it: one line, exit 2, no stack trace, nothing trained and no
/// baseline touched. (The reader's own cases are covered in VmafTiny.Repro.Core.Tests/Corpus.)
/// </summary>
public sealed class CorpusErrorTests
{
    private static CliResult VerifyWith(TempRepo repo, out byte[] baselineBefore)
    {
        baselineBefore = File.ReadAllBytes(repo.BaselinePath("tiny"));
        return CliHost.Run(repo, "verify", "--threads", "1", "--no-cache");
    }

    private static void AssertBaselineUntouched(TempRepo repo, byte[] before)
    {
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
        Assert.False(File.Exists(repo.ReceivedPath("tiny")));
    }

    [Fact]
    public void Verify_ExitsTwo_WhenTheCorpusFileIsMissing()
    {
        using var repo = TempRepo.FromTemplate();
        File.Delete(repo.CorpusPath);
        var result = VerifyWith(repo, out var before);
        Expect.OneLineError(result, 2, "VMR2001", "corpus file not found", repo.CorpusPath);
        AssertBaselineUntouched(repo, before);
    }

    [Fact]
    public void Verify_ExitsTwo_WhenTheCorpusIsNotParquet()
    {
        using var repo = TempRepo.FromTemplate();
        File.WriteAllText(repo.CorpusPath, "adm2,motion2,vmaf,source\n0.9,3.1,80,Tennis\n");
        var result = VerifyWith(repo, out var before);
        Expect.OneLineError(result, 2, "VMR2003", "not a readable Parquet file", "a CSV renamed to .parquet does not work");
        AssertBaselineUntouched(repo, before);
    }

    [Fact]
    public void Verify_ExitsTwo_WhenTheCorpusIsTruncated()
    {
        using var repo = TempRepo.FromTemplate();
        var bytes = File.ReadAllBytes(repo.CorpusPath);
        File.WriteAllBytes(repo.CorpusPath, bytes[..(bytes.Length / 2)]);
        var result = VerifyWith(repo, out var before);
        Expect.OneLineError(result, 2, "VMR2003", "truncated or corrupt");
        AssertBaselineUntouched(repo, before);
    }

    [Fact]
    public void Verify_ExitsTwo_WhenTheCorpusFileIsEmpty()
    {
        using var repo = TempRepo.FromTemplate();
        File.WriteAllBytes(repo.CorpusPath, []);
        var result = VerifyWith(repo, out var before);
        Expect.OneLineError(result, 2, "VMR2002", "corpus file is empty (0 bytes)");
        AssertBaselineUntouched(repo, before);
    }

    [Fact]
    public void Verify_ExitsTwo_NamingColumnAndCount_WhenTheTargetHasNaN()
    {
        using var repo = TempRepo.FromTemplate();
        var data = SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1);
        data.Target[3] = data.Target[50] = data.Target[399] = double.NaN;
        SyntheticCorpus.WriteParquet(data, repo.CorpusPath);

        var result = VerifyWith(repo, out var before);

        Expect.OneLineError(result, 2, "VMR2007", "'vmaf' (3 NaN)", "drop_non_finite");
        AssertBaselineUntouched(repo, before);
    }

    [Fact]
    public void Run_ExitsTwo_WhenTheCorpusPathGivenOnTheCommandLineIsMissing()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "run", "--corpus", "nowhere/other.parquet", "--arch", "tiny");
        Expect.OneLineError(result, 2, "VMR2001", Path.Combine(repo.Root, "nowhere", "other.parquet"));
    }
}
