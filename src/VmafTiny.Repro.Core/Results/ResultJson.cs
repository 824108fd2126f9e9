using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
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

    /// <summary>
    /// Parses <paramref name="json"/>; <paramref name="origin"/> names the file in errors. A document
    /// that is not JSON, or whose values do not fit the result's fields (<see cref="JsonShape"/>), is
    /// VMR3001 naming the line, position and field and the kind of value expected.
    /// </summary>
    public static EvaluationResult Deserialize(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json)) throw Invalid(origin, "", "the file is empty", null);
        try
        {
            using (var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Double, DateParseHandling = DateParseHandling.None })
            {
                if (JsonShape.Check(JToken.ReadFrom(reader), typeof(EvaluationResult)) is { } m)
                    throw Invalid(origin, At(m.Line, m.Position), m.Problem, null);
            }
            return JsonConvert.DeserializeObject<EvaluationResult>(json, Settings)
                ?? throw new JsonSerializationException("the file is empty");
        }
        catch (JsonException e)
        {
            var where = e is JsonReaderException r ? At(r.LineNumber, r.LinePosition) :
                        e is JsonSerializationException s ? At(s.LineNumber, s.LinePosition) : "";
            throw Invalid(origin, where, JsonWords.Clean(FirstLine(e.Message)), e);
        }
    }

    private static string At(int line, int position) => line > 0 ? $" at line {line}, position {position}" : "";

    private static ReproException Invalid(string origin, string where, string problem, Exception? inner) =>
        new("VMR3001", $"'{origin}' is not a valid result JSON{where}: {problem}",
            "Fix the JSON by hand, or regenerate the file (vmaf-repro run / verify).", ExitCodes.UsageOrInputError, origin, inner);

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
