using VmafTiny.Repro.Config;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;

namespace VmafTiny.Repro.Core.Tests.Config;

public sealed class ConfigLoaderTests : IDisposable
{
    private const string Example = """
    {
      "schema_version": 1,
      "seeds": [0, 1, 2, 3, 4],
      "recipe": { "epochs": 90, "batch_size": 256, "lr": 0.001 },
      "architectures": { "mlp_small": [16, 8], "mlp_medium": [32, 16], "mlp_large": [64, 32, 16], "mlp_wide": [128] },
      "corpora": {
        "netflix-synth": { "path": "runs/data/netflix-synth.parquet", "protocol": "loso", "group_column": "source",
                           "target": "vmaf", "features": null, "synthetic": { "shape": "netflix", "rows": 11000, "seed": 1 } },
        "konvid-synth":  { "path": "runs/data/konvid-synth.parquet", "protocol": "kfold", "group_column": "fold",
                           "synthetic": { "shape": "konvid", "rows": 20000, "seed": 2 } }
      },
      "baselines_dir": "baselines",
      "runs_dir": "runs",
      "policy": {
        "k": 3, "alpha": 0.05,
        "floors": { "plcc": 0.0005, "srocc": 0.0005, "krocc": 0.001, "rmse": 0.02 },
        "overrides": [ { "corpus": "konvid-synth", "arch": "mlp_small", "k": 4, "floors": { "rmse": 0.05 } } ]
      }
    }
    """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-config-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir.FullName, "vmaf-repro.json");
        File.WriteAllText(path, json);
        return path;
    }

    private ReproException Fails(string json) => Assert.Throws<ReproException>(() => ConfigLoader.Load(Write(json)));

    [Fact]
    public void Load_ReadsTheExample_WithPathsResolvedAgainstTheConfigFolder()
    {
        var c = ConfigLoader.Load(Write(Example));
        Assert.Equal([0, 1, 2, 3, 4], c.Seeds);
        Assert.Equal((90, 256, 0.001), (c.Recipe.Epochs, c.Recipe.BatchSize, c.Recipe.LearningRate));
        Assert.Equal(["mlp_small", "mlp_medium", "mlp_large", "mlp_wide"], c.Architectures.Select(a => a.Name));
        Assert.Equal([128], c.Architectures[3].Hidden);
        Assert.Equal(Path.Combine(_dir.FullName, "baselines"), c.BaselinesDirectory);
        Assert.Equal(Path.Combine(_dir.FullName, "runs"), c.RunsDirectory);

        var netflix = c.Corpora[0];
        Assert.Equal(Path.Combine(_dir.FullName, "runs", "data", "netflix-synth.parquet"), netflix.Path);
        Assert.Equal(CorpusSpec.CanonicalFeatures, netflix.Features);
        var konvid = c.Corpora[1];
        Assert.Equal(("kfold", "fold", "vmaf"), (konvid.Protocol, konvid.GroupColumn, konvid.Target));
        Assert.Equal(new SyntheticCorpusSettings("konvid", 20000, 2), c.Synthetic["konvid-synth"]);
        Assert.Equal(8, c.Pairs.Count());
    }

    [Fact]
    public void Load_AppliesPolicyOverridesPerPair()
    {
        var policy = ConfigLoader.Load(Write(Example)).Policy;
        var small = policy.For("konvid-synth", "mlp_small");
        Assert.Equal(4, small.K);
        Assert.Equal(0.05, small.Floors.Rmse);
        Assert.Equal(0.0005, small.Floors.Plcc);
        var other = policy.For("netflix-synth", "mlp_small");
        Assert.Equal(3, other.K);
        Assert.Equal(0.02, other.Floors.Rmse);
        Assert.Equal(7, policy.For("konvid-synth", "mlp_small", kOverride: 7).K);
    }

    [Fact]
    public void Load_UsesDefaults_WhenSectionsAreMissing()
    {
        var c = ConfigLoader.Load(Write("{}"));
        Assert.Equal([0, 1, 2, 3, 4], c.Seeds);
        Assert.Equal(3, c.Architectures.Count);
        Assert.Equal(GatePolicy.Default, c.Policy);
        Assert.Equal(MetricFloors.Default, c.Policy.Floors);
        Assert.Empty(c.Corpora);
    }

    [Fact]
    public void Load_FailsWithVMR3101AndLinePosition_WhenJsonIsMalformed()
    {
        var e = Fails("{\n  \"seeds\": [0, 1,,\n}");
        Assert.Equal("VMR3101", e.Code);
        Assert.Contains("line 2", e.Message);
        Assert.EndsWith("vmaf-repro.json", e.File);
        Assert.Equal(ExitCodes.UsageOrInputError, e.ExitCode);
    }

    [Fact]
    public void Load_FailsWithVMR3101_WhenAKeyIsUnknown()
    {
        var e = Fails("{\n  \"seed\": [0]\n}");
        Assert.Equal("VMR3101", e.Code);
        Assert.Contains("seed", e.Message);
    }

    [Theory]
    [InlineData("{ \"seeds\": [] }")]
    [InlineData("{ \"seeds\": [0, 1, 1] }")]
    public void Load_FailsWithVMR3104_WhenSeedsAreEmptyOrDuplicated(string json) => Assert.Equal("VMR3104", Fails(json).Code);

    [Theory]
    [InlineData("{ \"recipe\": { \"epochs\": 0 } }")]
    [InlineData("{ \"recipe\": { \"batch_size\": -1 } }")]
    [InlineData("{ \"recipe\": { \"lr\": 0 } }")]
    public void Load_FailsWithVMR3105_WhenRecipeIsNotPositive(string json) => Assert.Equal("VMR3105", Fails(json).Code);

    [Theory]
    [InlineData("{ \"policy\": { \"k\": 0 } }")]
    [InlineData("{ \"policy\": { \"alpha\": 1 } }")]
    [InlineData("{ \"policy\": { \"alpha\": 0 } }")]
    [InlineData("{ \"policy\": { \"floors\": { \"rmse\": -0.1 } } }")]
    [InlineData("{ \"policy\": { \"overrides\": [ { \"arch\": \"mlp_small\", \"k\": -2 } ] } }")]
    public void Load_FailsWithVMR3106_WhenPolicyIsInvalid(string json) => Assert.Equal("VMR3106", Fails(json).Code);

    [Fact]
    public void Load_FailsWithVMR3107AndAHint_WhenTheFileIsMissing()
    {
        var e = Assert.Throws<ReproException>(() => ConfigLoader.Load(Path.Combine(_dir.FullName, "nope.json")));
        Assert.Equal("VMR3107", e.Code);
        Assert.Contains("--config", e.Hint);
    }

    [Fact]
    public void ResolveArchitectures_ListsKnownNames_WhenFilterNamesAnUnknownOne()
    {
        var c = ConfigLoader.Load(Write(Example));
        Assert.Equal(["mlp_large", "mlp_small"], c.ResolveArchitectures("mlp_large, mlp_small").Select(a => a.Name));
        Assert.Equal(4, c.ResolveArchitectures(null).Count);
        var e = Assert.Throws<ReproException>(() => c.ResolveArchitectures("mlp_huge"));
        Assert.Equal("VMR3102", e.Code);
        Assert.Contains("mlp_small, mlp_medium, mlp_large, mlp_wide", e.Message);
    }

    [Fact]
    public void ResolveCorpora_ListsKnownNames_WhenFilterNamesAnUnknownOne()
    {
        var c = ConfigLoader.Load(Write(Example));
        Assert.Equal("konvid-synth", Assert.Single(c.ResolveCorpora("konvid-synth")).Name);
        var e = Assert.Throws<ReproException>(() => c.ResolveCorpora("live"));
        Assert.Equal("VMR3103", e.Code);
        Assert.Contains("netflix-synth, konvid-synth", e.Message);
    }

    [Fact]
    public void Load_FailsWithVMR3110_WhenANameCannotBeAFileName()
    {
        Assert.Equal("VMR3110", Fails("{ \"architectures\": { \"../x\": [4] } }").Code);
        Assert.Equal("VMR3108", Fails("{ \"corpora\": { \"c\": { \"protocol\": \"loso\" } } }").Code);
    }
}
