using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Commands;

/// <summary>
/// bench and bench-probe refuse bad options at the boundary (exit 2, one line) before generating a
/// corpus or starting a probe; none of these runs a benchmark.
/// </summary>
public sealed class BenchOptionTests
{
    [Theory]
    [InlineData("--netflix-rows", "-5", "--netflix-rows: a netflix corpus needs 200 to 1000000 rows, not -5")]
    [InlineData("--netflix-rows", "0", "--netflix-rows: a netflix corpus needs 200 to 1000000 rows, not 0")]
    [InlineData("--netflix-rows", "2000000000", "not 2000000000")]
    [InlineData("--konvid-rows", "-1", "--konvid-rows: a konvid corpus needs")]
    [InlineData("--konvid-rows", "99999999", "(or 0 to skip it)")]
    [InlineData("--arch", "mlp_huge", "--arch: unknown architecture 'mlp_huge'; the benchmarks run the published ones: mlp_small, mlp_medium, mlp_large")]
    [InlineData("--arch", " , ", "--arch must name at least one of mlp_small, mlp_medium, mlp_large")]
    [InlineData("--epochs", "0", "--epochs must be 1..100000, not 0")]
    [InlineData("--epochs", "1000000", "--epochs must be 1..100000, not 1000000")]
    [InlineData("--konvid-sequential-trainings", "-2", "--konvid-sequential-trainings must be ≥ 0")]
    [InlineData("--epochs", "many", "--epochs: 'many' is not a whole number")]
    public void Bench_ExitsTwo_BeforeGeneratingAnything_WhenAnOptionIsOutOfRange(string option, string value, string message)
    {
        using var repo = TempRepo.CreateEmpty();
        var result = CliHost.Run(repo, "bench", option, value, "--out", "bench-out");
        Expect.OneLineError(result, 2, "VMR3100", message);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "bench-out")));
    }

    [Theory]
    [InlineData("--engine", "gpu", "--engine must be 'fused', 'batched' or 'sequential', not 'gpu'")]
    [InlineData("--arch", "mlp_huge", "--arch: unknown architecture 'mlp_huge'")]
    [InlineData("--arch", "mlp_small,mlp_large", "--arch must name one of")]
    [InlineData("--seed-count", "0", "--seed-count must be 1..1000, not 0")]
    [InlineData("--seed-count", "2147483647", "--seed-count must be 1..1000, not 2147483647")]
    [InlineData("--epochs", "-1", "--epochs must be 1..100000, not -1")]
    [InlineData("--max-folds", "0", "--max-folds must be ≥ 1, not 0")]
    [InlineData("--threads", "0", "--threads must be 1..1024, not 0")]
    [InlineData("--group-column", " ", "--group-column must name a column")]
    public void BenchProbe_ExitsTwo_WhenAnOptionIsOutOfRange(string option, string value, string message)
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "bench-probe", "--corpus-path", repo.CorpusPath, option, value);
        Expect.OneLineError(result, 2, "VMR3100", message);
    }

    [Fact]
    public void BenchProbe_ExitsTwo_WithoutACorpusPath()
    {
        using var repo = TempRepo.CreateEmpty();
        Expect.OneLineError(CliHost.Run(repo, "bench-probe"), 2, "VMR3100", "--corpus-path is required");
    }

    [Fact]
    public void BenchProbe_ExitsTwo_WithVMR2001_WhenTheCorpusPathDoesNotExist()
    {
        using var repo = TempRepo.CreateEmpty();
        Expect.OneLineError(CliHost.Run(repo, "bench-probe", "--corpus-path", "nothing.parquet", "--epochs", "1", "--seed-count", "1"), 2, "VMR2001");
    }
}
