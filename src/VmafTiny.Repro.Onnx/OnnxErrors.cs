using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Onnx;

/// <summary>The export's input and file errors (docs/diagnostics.md, VMR6001–VMR6009).</summary>
internal static class OnnxErrors
{
    public static ReproException Unloadable(string path, string cause, Exception? inner = null) =>
        new("VMR6001", $"not a loadable ONNX model: {cause}",
            "The file is truncated or corrupted; re-export it with vmaf-repro export.", ExitCodes.UsageOrInputError, path, inner);

    public static ReproException BadRegistry(string path, string cause, Exception? inner = null) =>
        new("VMR6003", $"registry.json cannot be updated: {cause}",
            "Fix or remove the file by hand (it is never overwritten when unreadable), then export again.", ExitCodes.UsageOrInputError, path, inner);

    public static ReproException BadRequest(string cause, string hint) =>
        new("VMR6004", cause, hint, ExitCodes.UsageOrInputError);
}
