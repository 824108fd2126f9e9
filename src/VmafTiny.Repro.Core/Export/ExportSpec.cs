using System.Text.RegularExpressions;

namespace VmafTiny.Repro.Export;

/// <summary>One entry of <c>"exports"</c> in vmaf-repro.json: the model <c>verify</c> exports and checks.</summary>
public sealed partial record ExportSpec(string Id, string Corpus, string Arch, int Seed, ExportLimits Limits)
{
    /// <summary>A model id is a plain file name: it names <c>&lt;id&gt;.onnx</c>, <c>&lt;id&gt;.int8.onnx</c> and <c>&lt;id&gt;.json</c>.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();
}
