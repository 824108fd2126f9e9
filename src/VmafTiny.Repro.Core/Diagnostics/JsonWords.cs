using System.Text.RegularExpressions;

namespace VmafTiny.Repro.Diagnostics;

/// <summary>
/// JSON errors in the project's words, for a person editing a JSON file: the kind of value a field
/// takes ("a whole number", "a JSON list [...]") instead of .NET type names
/// ("to type 'System.Int32'", "Nullable`1", "on object of type 'ConfigFile'"). One table of kinds
/// for the configuration (<see cref="Clean"/> of Newtonsoft's messages) and the result files
/// (<c>Results/JsonShape</c>).
/// </summary>
public static partial class JsonWords
{
    /// <summary>What a value of <paramref name="type"/> is called in a message ("a number", "text", ...).</summary>
    public static string Kind(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "text";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a date and time (ISO 8601 text)";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)) return "a JSON object {...}";
        if (type.IsArray || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return "a JSON list [...]";
        return type.IsClass ? "a JSON object {...}" : "a valid value here";
    }

    /// <summary>Newtonsoft's message with every .NET type name replaced by the kind of value expected.</summary>
    public static string Clean(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message = UnknownMember().Replace(message, "unknown key '$1'");
        message = Conversion().Replace(message, m => $"{m.Groups[1].Value} is not {KindOf(m.Groups[2].Value)}");
        message = WrongShape().Replace(message, m => $"expected {KindOf(m.Groups[2].Value)} here, found a JSON {m.Groups[1].Value}.");
        message = TooLarge().Replace(message, m => $"{m.Groups[1].Value} is too large or small for a whole number");
        return AnyType().Replace(message, "");
    }

    private static string KindOf(string typeName) => Type.GetType(typeName) is { } t ? Kind(t)
        : typeName.Contains("Dictionary", StringComparison.Ordinal) ? "a JSON object {...}"
        : typeName.Contains("List", StringComparison.Ordinal) ? "a JSON list [...]"
        : typeName.StartsWith("System.", StringComparison.Ordinal) ? "a valid value here"
        : "a JSON object {...}";

    [GeneratedRegex(@"Could not find member '([^']*)' on object of type '[^']*'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"Error converting value (.*?) to type '([^']*)'")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"Cannot deserialize the current JSON (\w+) \(e\.g\. [^)]*\) into type '([^']*)'.*?(?=\s*Path '|$)")]
    private static partial Regex WrongShape();

    [GeneratedRegex(@"JSON integer (\S+) is too large or small for an? \w+")]
    private static partial Regex TooLarge();

    [GeneratedRegex(@" (?:of|to|into|for) type '[^']*'")]
    private static partial Regex AnyType();
}
