using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>A bad vmaf-repro.json: one line naming the file and the problem, exit 2, nothing run.</summary>
public sealed class ConfigErrorTests
{
    private static CliResult VerifyWithConfig(string json, out TempRepo repo)
    {
        repo = TempRepo.FromTemplate();
        File.WriteAllText(repo.ConfigPath, json);
        return CliHost.Run(repo, "verify", "--threads", "1");
    }

    [Fact]
    public void Verify_ExitsTwo_WithFileLineAndPosition_WhenTheJsonIsMalformed()
    {
        var result = VerifyWithConfig("{\n  \"seeds\": [0, 1],\n  \"recipe\": { \"epochs\": 3,, }\n}\n", out var repo);
        using (repo)
        {
            var line = Expect.OneLineError(result, 2, "VMR3101", repo.ConfigPath, "line 3, position");
            Assert.Contains("Fix the JSON", line);
            Assert.False(Directory.Exists(Path.Combine(repo.RunsDir, "nf", "fresh")));
        }
    }

    [Fact]
    public void Verify_ExitsTwo_NamingTheKey_WhenAKeyIsMisspelt()
    {
        var result = VerifyWithConfig("{ \"seed\": [0, 1] }", out var repo);
        using (repo) Expect.OneLineError(result, 2, "VMR3101", "seed", "line 1");
    }

    [Theory]
    [InlineData("\"tiny\": [4, 0]")]
    [InlineData("\"tiny\": null")]
    public void Verify_ExitsTwo_WhenAnArchitectureHasNoValidWidths(string arch)
    {
        var result = VerifyWithConfig($"{{ \"architectures\": {{ {arch} }}, \"corpora\": {{ \"nf\": {{ \"path\": \"data/nf.parquet\" }} }} }}", out var repo);
        using (repo) Expect.OneLineError(result, 2, "VMR3108", "architecture 'tiny' needs a list of positive hidden-layer widths");
    }

    [Fact]
    public void Run_ExitsTwo_WhenTheArchitectureIsNotConfigured()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "mlp_tiny");
        Expect.OneLineError(result, 2, "VMR3102", "mlp_tiny");
    }

    [Theory]
    [InlineData("[]", "\"seeds\" is empty")]
    [InlineData("[0, 1, 1]", "\"seeds\" has duplicates: 1")]
    public void Verify_ExitsTwo_WhenSeedsAreEmptyOrDuplicated(string seeds, string message)
    {
        var result = VerifyWithConfig($"{{ \"seeds\": {seeds} }}", out var repo);
        using (repo) Expect.OneLineError(result, 2, "VMR3104", message, "vmaf-repro.json");
    }

    [Theory]
    [InlineData("\"epochs\": 0", "recipe.epochs = 0 must be > 0")]
    [InlineData("\"epochs\": -3", "recipe.epochs = -3 must be > 0")]
    [InlineData("\"batch_size\": 0", "recipe.batch_size = 0 must be > 0")]
    [InlineData("\"batch_size\": -64", "recipe.batch_size = -64 must be > 0")]
    [InlineData("\"lr\": 0", "recipe.lr = 0 must be > 0")]
    public void Verify_ExitsTwo_WhenARecipeNumberIsNotPositive(string field, string message)
    {
        var result = VerifyWithConfig($"{{ \"recipe\": {{ {field} }} }}", out var repo);
        using (repo) Expect.OneLineError(result, 2, "VMR3105", message);
    }

    [Fact]
    public void Verify_ExitsTwo_WhenThereIsNoConfiguration()
    {
        using var repo = TempRepo.CreateEmpty();
        var result = CliHost.Run(repo, "verify");
        Expect.OneLineError(result, 2, "VMR3107", "does not exist", "--config");
    }

    [Fact]
    public void Verify_ExitsTwo_WhenThePolicyIsInvalid()
    {
        var result = VerifyWithConfig("{ \"policy\": { \"k\": -1 } }", out var repo);
        using (repo) Expect.OneLineError(result, 2, "VMR3106", "k = -1 must be > 0");
    }
}
