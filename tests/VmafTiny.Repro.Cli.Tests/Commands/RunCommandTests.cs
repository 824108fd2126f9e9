using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    private static readonly string[] ReferenceKeys =
        ["arch", "label", "parquet", "n_folds", "sources", "seeds", "epochs", "lr", "batch_size",
         "per_seed_per_fold", "per_seed_aggregate", "per_fold_aggregate", "overall"];

    [Fact]
    public void Run_WritesRunJson_WithReferenceKeysAndProvenance()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false);
        File.Delete(repo.RunPath("tiny"));

        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"wrote {repo.RunPath("tiny")}", result.Output);
        var json = TempRepo.ReadJson(repo.RunPath("tiny"));
        foreach (var key in ReferenceKeys) Assert.True(json.ContainsKey(key), $"missing reference key '{key}'");
        Assert.Equal("tiny", (string?)json["arch"]);
        Assert.Equal(9, (int)json["n_folds"]!);
        Assert.Equal([0, 1], json["seeds"]!.Values<int>());
        var cell = (JObject)json["per_seed_per_fold"]!["0"]!["Tennis"]!;
        foreach (var key in new[] { "n", "plcc", "srocc", "rmse" }) Assert.True(cell.ContainsKey(key), $"cell misses '{key}'");
        foreach (var key in new[] { "mean_plcc", "std_plcc", "mean_srocc", "std_srocc", "mean_rmse", "std_rmse" })
            Assert.True(((JObject)json["overall"]!).ContainsKey(key), $"overall misses '{key}'");
        var provenance = (JObject)json["provenance"]!;
        Assert.Equal("fake-fused", (string?)provenance["engine"]); // the default --engine
        Assert.Equal(18, (int)provenance["trainings_from_cache"]!); // the template's cache
        Assert.False(string.IsNullOrEmpty((string?)provenance["tool_version"]));
        Assert.Equal(1, (int)json["schema_version"]!);
        Assert.Equal(3, (int)json["recipe"]!["epochs"]!);
        Assert.Equal(64, ((string?)json["corpus"]!["sha256"])!.Length);
    }

    [Fact]
    public void Run_WithoutAConfigurationFile_TakesTheDefaultsOfTheConfigurationLoader()
    {
        using var template = TempRepo.FromTemplate(withBaselines: false);
        using var repo = TempRepo.CreateEmpty();
        var corpus = Path.Combine(repo.Root, "clips.parquet");
        File.Copy(template.CorpusPath, corpus);
        var defaults = Config.ConfigLoader.Defaults(Path.Combine(repo.Root, Config.ConfigLoader.FileName));

        var result = CliHost.Run(repo, "run", "--corpus", "clips.parquet", "--arch", "mlp_small", "--epochs", "1", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = Path.Combine(defaults.RunsDirectory, "clips", "mlp_small.json");
        Assert.Equal(Path.Combine(repo.Root, "runs", "clips", "mlp_small.json"), written);
        var json = TempRepo.ReadJson(written);
        Assert.Equal(defaults.Seeds, json["seeds"]!.Values<int>());
        Assert.Equal(defaults.Architectures.Single(a => a.Name == "mlp_small").Hidden, json["hidden"]!.Values<int>());
        Assert.Equal(defaults.Recipe.BatchSize, (int)json["recipe"]!["batch_size"]!);
        Assert.Equal("source", (string?)json["corpus"]!["group_column"]);
        Assert.False(File.Exists(Path.Combine(repo.Root, Config.ConfigLoader.FileName)));
    }

    [Fact]
    public void Run_ReportsTheDroppedRows_InItsOutputAndTheResultJson_WhenDropNonFiniteDropsSome()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false, withCache: false);
        repo.WriteConfig(RepoConfig.Small() with { DropNonFinite = true });
        var data = SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1);
        data.Target[3] = data.Target[50] = double.NaN;
        data.Target[399] = double.PositiveInfinity;
        SyntheticCorpus.WriteParquet(data, repo.CorpusPath);

        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"corpus 'nf': dropped 3 of 400 rows with NaN/Inf/null values (drop_non_finite; vmaf 3): {repo.CorpusPath}", result.Output);
        var dropped = TempRepo.ReadJson(repo.RunPath("tiny"))["corpus"]!["dropped_non_finite"]!;
        Assert.Equal(3, (int)dropped["rows"]!);
        Assert.Equal(400, (int)dropped["rows_in_file"]!);
        Assert.Equal(3, (int)dropped["by_column"]!["vmaf"]!);
        Assert.Equal(397, (int)TempRepo.ReadJson(repo.RunPath("tiny"))["corpus"]!["rows"]!);
    }

    [Fact]
    public void Run_WritesNoDroppedRows_WhenNoneWereDropped()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false);
        repo.WriteConfig(RepoConfig.Small() with { DropNonFinite = true });

        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("dropped", result.Output);
        Assert.Null(TempRepo.ReadJson(repo.RunPath("tiny"))["corpus"]!["dropped_non_finite"]);
    }

    // About training itself (the real engine is deterministic across thread counts): TorchSharp.
    [Fact]
    [Trait("Category", "Slow")]
    public void Run_GivesIdenticalMetrics_WhenRepeatedWithoutTheCache()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false, withCache: false);
        var first = CliHost.RunReal(repo, "run", "--corpus", "nf", "--arch", "tiny", "--threads", "1");
        var second = CliHost.RunReal(repo, "run", "--corpus", "nf", "--arch", "tiny", "--threads", "2", "--no-cache", "--out", "again.json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var a = TempRepo.ReadJson(repo.RunPath("tiny"));
        var b = TempRepo.ReadJson(Path.Combine(repo.Root, "again.json"));
        Assert.Equal(0, (int)b["provenance"]!["trainings_from_cache"]!);
        Assert.Equal(Metrics(a), Metrics(b));
        Assert.True(JToken.DeepEquals(a["overall"], b["overall"]));
    }

    // Every metric of every cell; wall_seconds is timing, not a result.
    private static string Metrics(JObject result)
    {
        var cells = (JObject)result["per_seed_per_fold"]!.DeepClone();
        foreach (var cell in cells.Properties().SelectMany(seed => ((JObject)seed.Value).Properties()).Select(p => (JObject)p.Value))
            cell.Remove("wall_seconds");
        return cells.ToString();
    }
}
