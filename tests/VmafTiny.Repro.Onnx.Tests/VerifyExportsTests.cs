using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Gate.Reports;
using VmafTiny.Repro.Torch.Fused;

namespace VmafTiny.Repro.Onnx.Tests;

public sealed class VerifyExportsTests
{
    private static string Config(string exports) => $$"""
        {
          "seeds": [0],
          "recipe": { "epochs": 2, "batch_size": 64, "lr": 0.001 },
          "architectures": { "tiny": [4] },
          "corpora": {
            "synth": { "path": "data/synth.parquet", "protocol": "kfold", "group_column": "fold",
                       "synthetic": { "shape": "konvid", "rows": 300, "seed": 2 } }
          },
          "exports": {{exports}}
        }
        """;

    [Fact]
    public void Verify_exports_each_configured_model_and_a_failed_check_fails_the_gate()
    {
        var root = ShipTestData.TempDir();
        var path = Path.Combine(root, "vmaf-repro.json");
        File.WriteAllText(path, Config("""[ { "id": "m1", "corpus": "synth", "arch": "tiny", "min_plcc": 0.9999 } ]"""));
        var config = ConfigLoader.Load(path);
        var workspace = new Workspace(config, new FusedEngine(1), null, "test", useCache: false);

        var outcome = new VerifyRun(workspace, new OnnxModelExporter()).Run(new VerifyOptions(), CancellationToken.None);

        var export = Assert.Single(outcome.Report.Exports);
        Assert.Equal("m1", export.Id);
        Assert.True(File.Exists(Path.Combine(root, "runs", "exports", "m1.onnx")));
        Assert.False(export.Checks.Single(c => c.Code == "VMR6102").Passed);
        Assert.Equal(ExitCodes.Regression, outcome.Report.ExitCode);
        var json = JObject.Parse(JsonReport.Render(outcome.Report));
        Assert.Equal(export.Onnx.Sha256, (string?)json["exports"]![0]!["files"]![0]!["sha256"]);
        Assert.Equal(export.Figures.Int8Drop, (double)json["exports"]![0]!["figures"]!["int8_drop"]!);
        Assert.Contains("VMR6102", MarkdownReport.Render(outcome.Report));
        Assert.Contains("type=\"VMR6102\"", JUnitReport.Render(outcome.Report));
        var diagnostic = Assert.Single(GateDiagnostics.Diagnostics(outcome.Report), d => d.Code == "VMR6102");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(export.Onnx.Path, diagnostic.File);
    }

    [Fact]
    public void Verify_without_an_exporter_or_exports_reports_none()
    {
        var root = ShipTestData.TempDir();
        var path = Path.Combine(root, "vmaf-repro.json");
        File.WriteAllText(path, Config("[]"));
        var workspace = new Workspace(ConfigLoader.Load(path), new FusedEngine(1), null, "test", useCache: false);
        var outcome = new VerifyRun(workspace, new OnnxModelExporter()).Run(new VerifyOptions(), CancellationToken.None);
        Assert.Empty(outcome.Report.Exports);
        Assert.DoesNotContain("exports", JsonReport.Render(outcome.Report));
    }

    [Theory]
    [InlineData("""[ { "id": "m1", "corpus": "nope", "arch": "tiny" } ]""", "unknown corpus 'nope'")]
    [InlineData("""[ { "id": "m1", "corpus": "synth", "arch": "huge" } ]""", "unknown architecture 'huge'")]
    [InlineData("""[ { "id": "../m1", "corpus": "synth", "arch": "tiny" } ]""", "is not a plain file name")]
    [InlineData("""[ { "id": "m1", "corpus": "synth", "arch": "tiny" }, { "id": "m1", "corpus": "synth", "arch": "tiny" } ]""", "used twice")]
    [InlineData("""[ { "id": "m1", "corpus": "synth", "arch": "tiny", "min_plcc": 2 } ]""", "min_plcc in [-1, 1]")]
    [InlineData("""[ { "corpus": "synth", "arch": "tiny" } ]""", "needs \"id\"")]
    public void Bad_exports_entry_is_VMR6005_naming_the_entry(string exports, string message)
    {
        var path = Path.Combine(ShipTestData.TempDir(), "vmaf-repro.json");
        var e = Assert.Throws<ReproException>(() => ConfigLoader.Parse(Config(exports), path));
        Assert.Equal("VMR6005", e.Code);
        Assert.Contains(message, e.Message);
        Assert.Contains("exports[", e.Message);
    }

    [Fact]
    public void Exports_entry_defaults_are_seed_0_min_plcc_097_and_int8_budget_001()
    {
        var path = Path.Combine(ShipTestData.TempDir(), "vmaf-repro.json");
        var spec = Assert.Single(ConfigLoader.Parse(Config("""[ { "id": "m1", "corpus": "synth", "arch": "tiny" } ]"""), path).Exports);
        Assert.Equal((0, 0.97, 0.01), (spec.Seed, spec.Limits.MinPlcc, spec.Limits.Int8Budget));
    }
}
