using System.Globalization;
using System.Numerics;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Results;

/// <summary>
/// Checks a parsed JSON document against the shape of a type with <see cref="JsonPropertyAttribute"/>
/// members before it is deserialized, so that a wrong value is reported as its field path, the kind
/// of value expected and what was found — "per_seed_per_fold.0.A.plcc must be a number, not the
/// text "high"" — instead of Newtonsoft's .NET type names. null is allowed where the member is
/// nullable (<c>int?</c>, <c>string?</c>); unknown keys are left alone.
/// </summary>
internal static class JsonShape
{
    /// <summary>The first value that does not fit, with its line and position.</summary>
    public sealed record Mismatch(string Path, int Line, int Position, string Problem);

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The first mismatch of <paramref name="root"/> against <paramref name="type"/>, or null when it fits.</summary>
    public static Mismatch? Check(JToken root, Type type) => Walk(root, type, nullable: false, element: null);

    private static Mismatch? Walk(JToken t, Type type, bool nullable, NullabilityInfo? element)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            type = underlying;
            nullable = true;
        }
        if (t.Type == JTokenType.Null) return nullable ? null : Wrong(t, JsonWords.Kind(type));
        if (type == typeof(int)) return WholeNumber(t, int.MinValue, int.MaxValue);
        if (type == typeof(long)) return WholeNumber(t, long.MinValue, long.MaxValue);
        if (type == typeof(double))
            return t.Type is JTokenType.Integer or JTokenType.Float || t.Type == JTokenType.String && double.TryParse((string?)t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? null : Wrong(t, JsonWords.Kind(type));
        if (type == typeof(bool)) return t.Type == JTokenType.Boolean ? null : Wrong(t, JsonWords.Kind(type));
        if (type == typeof(string)) return t.Type == JTokenType.String ? null : Wrong(t, JsonWords.Kind(type));
        if (type == typeof(DateTimeOffset))
            return t.Type == JTokenType.Date || t.Type == JTokenType.String && DateTimeOffset.TryParse((string?)t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
                ? null : Wrong(t, JsonWords.Kind(type));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (t is not JArray array) return Wrong(t, JsonWords.Kind(type));
            var item = element?.GenericTypeArguments[0];
            return array.Select(x => Walk(x, type.GetGenericArguments()[0], item?.ReadState == NullabilityState.Nullable, item)).FirstOrDefault(m => m is not null);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (t is not JObject map) return Wrong(t, JsonWords.Kind(type));
            var value = element?.GenericTypeArguments[1];
            return map.Properties().Select(p => Walk(p.Value, type.GetGenericArguments()[1], value?.ReadState == NullabilityState.Nullable, value)).FirstOrDefault(m => m is not null);
        }
        if (type.IsClass)
        {
            if (t is not JObject obj) return Wrong(t, JsonWords.Kind(type));
            foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (member.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName is not { } name || obj.Property(name, StringComparison.Ordinal) is not { } p) continue;
                var info = Nullability.Create(member);
                if (Walk(p.Value, member.PropertyType, info.ReadState == NullabilityState.Nullable, info) is { } m) return m;
            }
            return null;
        }
        return null;
    }

    private static Mismatch? WholeNumber(JToken t, BigInteger min, BigInteger max)
    {
        if (t.Type != JTokenType.Integer) return Wrong(t, "a whole number");
        var value = t.ToObject<BigInteger>();
        return value >= min && value <= max ? null : Wrong(t, $"a whole number from {min} to {max}");
    }

    private static Mismatch Wrong(JToken t, string expected)
    {
        var line = t as IJsonLineInfo;
        var path = t.Path.Length == 0 ? "the file" : t.Path;
        return new Mismatch(path, line?.LineNumber ?? 0, line?.LinePosition ?? 0, $"{path} must be {expected}, not {Found(t)}");
    }

    private static string Found(JToken t) => t.Type switch
    {
        JTokenType.Null => "null",
        JTokenType.Boolean => (bool)t ? "true" : "false",
        JTokenType.Integer or JTokenType.Float => $"the number {((JValue)t).ToString(CultureInfo.InvariantCulture)}",
        JTokenType.String => $"the text \"{Short((string?)t ?? "")}\"",
        JTokenType.Array => "a JSON list [...]",
        JTokenType.Object => "a JSON object {...}",
        _ => "that value",
    };

    // Control characters would split the one-line error; a long text would drown it.
    private static string Short(string s)
    {
        var printable = new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length <= 40 ? printable : printable[..40] + "…";
    }
}
