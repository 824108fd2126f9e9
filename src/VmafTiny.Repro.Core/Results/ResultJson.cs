using Newtonsoft.Json;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Results;

/// <summary>Reads and writes <see cref="EvaluationResult"/> files (UTF-8, LF, indented, invariant culture).</summary>
public static class ResultJson
{
    public static JsonSerializerSettings Settings { get; } = new()
    {
        Formatting = Formatting.Indented,
        FloatFormatHandling = FloatFormatHandling.Symbol,
        FloatParseHandling = FloatParseHandling.Double,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        Culture = System.Globalization.CultureInfo.InvariantCulture,
    };

    public static string Serialize(EvaluationResult result) =>
        JsonConvert.SerializeObject(result, Settings).Replace("\r\n", "\n") + "\n";

    /// <summary>Parses <paramref name="json"/>; <paramref name="origin"/> names the file in errors.</summary>
    public static EvaluationResult Deserialize(string json, string origin)
    {
        try
        {
            return JsonConvert.DeserializeObject<EvaluationResult>(json, Settings)
                ?? throw new JsonSerializationException("the file is empty");
        }
        catch (JsonException e)
        {
            var where = e is JsonReaderException r ? $" at line {r.LineNumber}, position {r.LinePosition}" :
                        e is JsonSerializationException s && s.LineNumber > 0 ? $" at line {s.LineNumber}, position {s.LinePosition}" : "";
            throw new ReproException("VMR3001", $"'{origin}' is not a valid result JSON{where}: {FirstLine(e.Message)}",
                "Fix the JSON by hand, or regenerate the file (vmaf-repro run / verify).", ExitCodes.UsageOrInputError, origin, e);
        }
    }

    public static EvaluationResult Read(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new ReproException("VMR3002", $"result file '{path}' does not exist", "Check the path.", ExitCodes.UsageOrInputError, path);
        return Deserialize(System.IO.File.ReadAllText(path), path);
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }
}
