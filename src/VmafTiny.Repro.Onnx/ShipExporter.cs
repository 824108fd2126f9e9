using System.Security.Cryptography;
using Google.Protobuf;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Export;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Torch.Fused;

namespace VmafTiny.Repro.Onnx;

/// <summary>What to export: the corpus (raw features, row-major, and the target), the architecture, and where.</summary>
public sealed record ExportRequest(string Id, Architecture Architecture, TrainingRecipe Recipe, int Seed,
    IReadOnlyList<string> FeatureNames, double[] Features, double[] Target, string OutputDirectory, ExportLimits Limits, string CorpusName = "");

/// <summary>
/// <c>vmaf-repro export</c>: trains the ship model on the whole corpus, writes <c>&lt;id&gt;.onnx</c>,
/// <c>&lt;id&gt;.int8.onnx</c>, the sidecar <c>&lt;id&gt;.json</c> and <c>registry.json</c> (each
/// atomically; hashes are of the files as written), then runs the checks (<see cref="ShipChecks"/>).
/// </summary>
public static class ShipExporter
{
    public static ExportOutcome Export(ExportRequest request, CancellationToken cancellationToken, SimdPath? simd = null)
    {
        if (!ExportSpec.IsValidId(request.Id))
            throw OnnxErrors.BadRequest($"model id '{request.Id}' is not a plain file name",
                "Use letters, digits, '_', '.' or '-' (e.g. vmaf_tiny_v2).");
        if (request.FeatureNames.Count != OnnxContract.FeatureCount)
            throw OnnxErrors.BadRequest($"the corpus has {request.FeatureNames.Count} features; the ship contract takes {OnnxContract.FeatureCount}",
                "Export from a corpus with the six vmaf_tiny features.");
        var model = ShipModelTrainer.Train(request.Architecture, request.Recipe, request.Seed, request.Features, request.Target,
            OnnxContract.FeatureCount, cancellationToken, simd);
        return Write(request, model);
    }

    /// <summary>Writes and checks an already trained <paramref name="model"/> (tests give it one).</summary>
    public static ExportOutcome Write(ExportRequest request, ShipModel model)
    {
        var dir = Path.GetFullPath(request.OutputDirectory);
        var onnx = WriteModel(Path.Combine(dir, request.Id + ".onnx"), ShipGraph.Build(model, request.Id).ToByteArray());
        var int8 = WriteModel(Path.Combine(dir, request.Id + ".int8.onnx"), Int8Graph.Build(model, request.Id).ToByteArray());
        var (figures, checks) = ShipChecks.Run(onnx.Path, int8.Path, request.Features, request.Target, model.Predictions, request.Limits);

        var sidecar = new JObject
        {
            ["id"] = request.Id,
            ["kind"] = "fr",
            ["onnx"] = Path.GetFileName(onnx.Path),
            ["opset"] = OnnxContract.Opset,
            ["sha256"] = onnx.Sha256,
            ["input_name"] = OnnxContract.InputName,
            ["input_shape"] = new JArray(-1, OnnxContract.FeatureCount),
            ["output_name"] = OnnxContract.OutputName,
            ["output_shape"] = new JArray(-1),
            ["features"] = new JArray(request.FeatureNames),
            ["input_mean"] = new JArray(model.Mean),
            ["input_std"] = new JArray(model.Std),
            ["arch"] = request.Architecture.Name,
            ["n_params"] = model.Network.ParameterCount,
            ["notes"] = $"{request.Architecture.Name} ({request.Architecture.Shape(OnnxContract.FeatureCount)}) trained by vmaf-repro on all " +
                        $"{request.Target.Length} rows, seed {request.Seed}, {request.Recipe.Epochs} epochs; scaler (ddof 0) baked in as Sub/Div",
            ["quant_mode"] = "dynamic_int8",
            ["int8_onnx"] = Path.GetFileName(int8.Path),
            ["int8_sha256"] = int8.Sha256,
            ["quant_accuracy_budget_plcc"] = request.Limits.Int8Budget,
        };
        var sidecarPath = Path.Combine(dir, request.Id + ".json");
        AtomicFile.WriteAllText(sidecarPath, sidecar.ToString(Formatting.Indented) + "\n");
        ExportRegistry.Upsert(dir, new JObject
        {
            ["id"] = request.Id,
            ["kind"] = "fr",
            ["onnx"] = Path.GetFileName(onnx.Path),
            ["sha256"] = onnx.Sha256,
            ["int8_onnx"] = Path.GetFileName(int8.Path),
            ["int8_sha256"] = int8.Sha256,
        });
        return new ExportOutcome(request.Id, request.CorpusName, request.Architecture.Name, onnx, int8, Describe(sidecarPath), Describe(Path.Combine(dir, ExportRegistry.FileName)), figures, checks);
    }

    private static ExportedFile WriteModel(string path, byte[] bytes)
    {
        AtomicFile.WriteAllBytes(path, bytes);
        return Describe(path);
    }

    /// <summary>The file as it is on disk: its sha256 and size.</summary>
    public static ExportedFile Describe(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return new ExportedFile(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
    }
}
