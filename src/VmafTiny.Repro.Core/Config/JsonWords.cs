using System.Text.RegularExpressions;

namespace VmafTiny.Repro.Config;

/// <summary>
/// Newtonsoft.Json's error messages in the project's words: no .NET type names
/// ("to type 'System.Int32'", "on object of type 'ConfigFile'") in a message meant for a person
/// editing a JSON file.
/// </summary>
internal static partial class JsonWords
{
    public static string Clean(string message)
    {
        message = UnknownMember().Replace(message, "unknown key '$1'");
        message = Conversion().Replace(message, m => $"{m.Groups[1].Value} is not {Kind(m.Groups[2].Value)}");
        message = WrongShape().Replace(message, m => $"expected {(m.Groups[2].Value.Contains("List", StringComparison.Ordinal) ? "a JSON list [...]" : "a JSON object {...}")} here, found a JSON {m.Groups[1].Value}.");
        return AnyType().Replace(message, "");
    }

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "a whole number",
        "System.Double" or "System.Nullable`1[System.Double]" => "a number",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        "System.String" => "text",
        _ => "a valid value here",
    };

    [GeneratedRegex(@"Could not find member '([^']*)' on object of type '[^']*'")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"Error converting value (.*?) to type '([^']*)'")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"Cannot deserialize the current JSON (\w+) \(e\.g\. [^)]*\) into type '([^']*)'.*?(?=\s*Path '|$)")]
    private static partial Regex WrongShape();

    [GeneratedRegex(@" (?:of|to|into) type '[^']*'")]
    private static partial Regex AnyType();
}
