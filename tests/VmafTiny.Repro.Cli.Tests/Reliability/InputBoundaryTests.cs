using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// Bad values that used to end in an internal error (exit 70) or be accepted silently (issue 15):
/// each is now a one-line usage error, exit 2, in the project's words.
/// </summary>
public sealed class InputBoundaryTests
{
    [Theory]
    [InlineData("{ \"seeds\": [0], \"seeds\": [1] }", "VMR3101", "'seeds' already exists")]
    [InlineData("{ \"corpora\": { \"nf\": { \"path\": \"data/nf.parquet\", \"protocol\": \"bogus\" } } }", "VMR3108", "unknown protocol 'bogus'")]
    [InlineData("{ \"corpora\": { \"nf\": { \"path\": \"data/nf.parquet\" } }, \"policy\": { \"overrides\": [ { \"corpus\": \"nope\", \"k\": 2 } ] } }", "VMR3106", "override names corpus 'nope'")]
    [InlineData("{ \"corpora\": { \"nf\": { \"path\": \"data/nf.parquet\" } }, \"policy\": { \"overrides\": [ { \"arch\": \"mlp_huge\", \"k\": 2 } ] } }", "VMR3106", "override names architecture 'mlp_huge'")]
    [InlineData("{ \"architectures\": { \"wide\": [100000, 100000] } }", "VMR3108", "more than 1,000,000 parameters")]
    [InlineData("{ \"architectures\": { \"tiny\": [4] }, \"corpora\": { \"nf\": { \"path\": \"data/\\u0000.parquet\" } } }", "VMR3108", "control character")]
    [InlineData("{ \"seeds\": [-1, 0] }", "VMR3104", "negative values: -1")]
    [InlineData("{ \"recipe\": { \"batch_size\": 2000000000 } }", "VMR3105", "must be at most")]
    [InlineData("{ \"recipe\": { \"epochs\": 2000000000 } }", "VMR3105", "must be at most")]
    [InlineData("{ \"corpora\": { \"nf\": { \"path\": \"data/nf.parquet\", \"synthetic\": { \"shape\": \"netflix\", \"rows\": 100 } } } }", "VMR3108", "needs 200 to")]
    [InlineData("[]", "VMR3101", "expected a JSON object")]
    [InlineData("{ \"seeds\": [null] }", "VMR3101", "{null} is not a whole number")]
    public void Verify_ExitsTwo_InTheProjectsWords_WhenTheConfigurationHasABadValue(string json, string code, string fragment)
    {
        using var repo = TempRepo.FromTemplate();
        File.WriteAllText(repo.ConfigPath, json);

        var line = Expect.OneLineError(CliHost.Run(repo, "verify", "--threads", "1"), 2, code, fragment);
        Assert.DoesNotContain("System.", line);
        Assert.DoesNotContain("ConfigFile", line);
    }

    [Theory]
    [InlineData("synth --shape netflix --rows 100 --out x.parquet", "needs 200 to 1000000 rows, not 100")]
    [InlineData("synth --shape konvid --rows 2147483647 --out x.parquet", "needs 250 to 1000000 rows")]
    [InlineData("synth --shape netflix --seed -1 --out x.parquet", "seed must be ≥ 0")]
    [InlineData("calibrate --seed-base 2147483647 --reruns 2", "beyond 2147483647")]
    [InlineData("calibrate --seed-base -1", "--seed-base must be ≥ 0")]
    [InlineData("calibrate --same-seeds --shard 1/2", "--same-seeds retrains without the training cache")]
    [InlineData("verify --threads x", "--threads: 'x' is not a whole number")]
    [InlineData("verify --k abc", "--k: 'abc' is not a number")]
    [InlineData("run --corpus nf --arch tiny --epochs 99999999999", "--epochs: '99999999999' is not a whole number")]
    [InlineData("verify --threads 100000", "--threads must be 1..1024")]
    [InlineData("verify --report-file r.md", "--report-file needs --report")]
    public void Command_ExitsTwo_InTheProjectsWords_WhenAnOptionIsOutOfRange(string args, string fragment)
    {
        using var repo = TempRepo.FromTemplate();
        var line = Expect.OneLineError(CliHost.Run(repo, args.Split(' ')), 2, "VMR3100", fragment);
        Assert.DoesNotContain("Nullable", line);
        Assert.DoesNotContain("Int32", line);
        Assert.False(File.Exists(Path.Combine(repo.Root, "x.parquet")));
    }

    [Fact]
    public void Verify_NamesTheFirstFewAndTheCount_WhenManyGroupsAreTooSmall()
    {
        using var repo = TempRepo.FromTemplate();
        // Every row its own source: 400 groups of one row.
        var data = SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1);
        for (var i = 0; i < data.Rows; i++) data.Groups[i] = $"clip{i:D3}";
        SyntheticCorpus.WriteParquet(data, repo.CorpusPath);

        var line = Expect.OneLineError(CliHost.Run(repo, "verify", "--threads", "1"), 2, "VMR2008", "more");
        Assert.Contains("'clip000' (1 row), 'clip001' (1 row), 'clip002' (1 row), 'clip003' (1 row), 'clip004' (1 row) and 395 more", line);
        Assert.True(line.Length < 1000, line);
    }
}
