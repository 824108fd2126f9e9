using VmafTiny.Repro.Export;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Onnx.Tests;

public sealed class ExportFilesTests
{
    private static ExportOutcome Export(string dir, string id)
    {
        var (x, y) = ShipTestData.Corpus(rows: 200);
        var request = ShipTestData.Request(dir, x, y, epochs: 1, id: id);
        return ShipExporter.Write(request, ShipTestData.Train(request));
    }

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void Sidecar_carries_the_contract_and_the_hashes_of_the_files_as_written()
    {
        var dir = ShipTestData.TempDir();
        var outcome = Export(dir, "vmaf_tiny_v9");
        var sidecar = JObject.Parse(File.ReadAllText(Path.Combine(dir, "vmaf_tiny_v9.json")));
        Assert.Equal("vmaf_tiny_v9", (string?)sidecar["id"]);
        Assert.Equal("fr", (string?)sidecar["kind"]);
        Assert.Equal("vmaf_tiny_v9.onnx", (string?)sidecar["onnx"]);
        Assert.Equal(17, (int)sidecar["opset"]!);
        Assert.Equal(Sha(outcome.Onnx.Path), (string?)sidecar["sha256"]);
        Assert.Equal(Sha(outcome.Int8.Path), (string?)sidecar["int8_sha256"]);
        Assert.Equal(new[] { -1, 6 }, sidecar["input_shape"]!.ToObject<int[]>());
        Assert.Equal(new[] { -1 }, sidecar["output_shape"]!.ToObject<int[]>());
        Assert.Equal("features", (string?)sidecar["input_name"]);
        Assert.Equal("vmaf", (string?)sidecar["output_name"]);
        Assert.Equal(ShipTestData.FeatureNames, sidecar["features"]!.ToObject<string[]>());
        Assert.Equal(6, sidecar["input_mean"]!.Count());
        Assert.Equal(6 * 16 + 16 + 16 * 8 + 8 + 8 + 1, (int)sidecar["n_params"]!);
        Assert.Equal("mlp_small", (string?)sidecar["arch"]);
        Assert.Equal("dynamic_int8", (string?)sidecar["quant_mode"]);
        Assert.Equal(0.01, (double)sidecar["quant_accuracy_budget_plcc"]!);
        Assert.Equal(new FileInfo(outcome.Onnx.Path).Length, outcome.Onnx.Bytes);
    }

    [Fact]
    public void Registry_keeps_other_entries_replaces_the_same_id_and_sorts_by_id()
    {
        var dir = ShipTestData.TempDir();
        Export(dir, "vmaf_tiny_v3");
        Export(dir, "vmaf_tiny_v1");
        var again = Export(dir, "vmaf_tiny_v3");
        var registry = JObject.Parse(File.ReadAllText(Path.Combine(dir, "registry.json")));
        Assert.Equal(1, (int)registry["schema_version"]!);
        var entries = (JArray)registry["entries"]!;
        Assert.Equal(["vmaf_tiny_v1", "vmaf_tiny_v3"], entries.Select(e => (string)e["id"]!));
        Assert.Equal(again.Onnx.Sha256, (string?)entries[1]["sha256"]);
        Assert.All(entries, e => Assert.Equal("fr", (string?)e["kind"]));
    }

    [Fact]
    public void Unreadable_registry_is_VMR6003_and_left_untouched()
    {
        var dir = ShipTestData.TempDir();
        var path = Path.Combine(dir, "registry.json");
        File.WriteAllText(path, "{ \"schema_version\": 1, \"entries\": [ {\"id\": ");
        var e = Assert.Throws<ReproException>(() => Export(dir, "vmaf_tiny_v2"));
        Assert.Equal("VMR6003", e.Code);
        Assert.Equal("{ \"schema_version\": 1, \"entries\": [ {\"id\": ", File.ReadAllText(path));
    }

    [Fact]
    public void Id_that_is_not_a_plain_file_name_is_VMR6004()
    {
        var (x, y) = ShipTestData.Corpus(rows: 50);
        var request = ShipTestData.Request(ShipTestData.TempDir(), x, y, id: "../escape");
        Assert.Equal("VMR6004", Assert.Throws<ReproException>(() => ShipExporter.Export(request, CancellationToken.None)).Code);
    }
}
