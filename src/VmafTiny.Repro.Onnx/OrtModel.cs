using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Onnx;

/// <summary>
/// A model file loaded by ONNX Runtime on the CPU (one intra-op thread, so that a run is the same
/// on every machine). A file ONNX Runtime refuses is VMR6001.
/// </summary>
public sealed class OrtModel : IDisposable
{
    private readonly InferenceSession _session;

    private OrtModel(InferenceSession session, string path)
    {
        _session = session;
        Path = path;
    }

    public string Path { get; }
    public IReadOnlyDictionary<string, NodeMetadata> Inputs => _session.InputMetadata;
    public IReadOnlyDictionary<string, NodeMetadata> Outputs => _session.OutputMetadata;

    public static OrtModel Load(string path)
    {
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            return new OrtModel(new InferenceSession(path, options), path);
        }
        catch (OnnxRuntimeException e)
        {
            throw OnnxErrors.Unloadable(path, e.Message.Split('\n')[0], e);
        }
    }

    /// <summary>The model's <c>vmaf</c> output for <paramref name="rows"/> row-major raw feature rows (float64 in, float32 on the wire, widened back).</summary>
    public double[] Run(double[] features, int rows)
    {
        var input = new DenseTensor<float>(features.Select(v => (float)v).ToArray(), [rows, OnnxContract.FeatureCount]);
        try
        {
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(OnnxContract.InputName, input)], [OnnxContract.OutputName]);
            var output = results[0].AsTensor<float>();
            if (output.Length != rows)
                throw new ReproException("VMR6002", $"'{OnnxContract.OutputName}' has {output.Length} values for {rows} input rows",
                    "The file does not follow the ship contract; re-export it with vmaf-repro export.", ExitCodes.UsageOrInputError, Path);
            return output.Select(v => (double)v).ToArray();
        }
        catch (OnnxRuntimeException e)
        {
            throw new ReproException("VMR6002", $"ONNX Runtime could not run the model: {e.Message.Split('\n')[0]}",
                "The file does not follow the ship contract; re-export it with vmaf-repro export.", ExitCodes.UsageOrInputError, Path, e);
        }
    }

    public void Dispose() => _session.Dispose();
}
