using Parquet.Schema;

namespace VmafTiny.Repro.Corpus;

/// <summary>Which Parquet column types the reader accepts, and how to name the others in a message.</summary>
internal static class ColumnTypes
{
    private static readonly HashSet<Type> Numeric =
    [
        typeof(double), typeof(float), typeof(int), typeof(long), typeof(short), typeof(sbyte),
        typeof(byte), typeof(ushort), typeof(uint), typeof(ulong),
    ];

    private static readonly HashSet<Type> Integer =
    [
        typeof(int), typeof(long), typeof(short), typeof(sbyte), typeof(byte), typeof(ushort), typeof(uint), typeof(ulong),
    ];

    public static bool IsFlat(Field field) => field is DataField { IsArray: false, MaxRepetitionLevel: 0 };

    /// <summary>float, double or an integer type, not a list: a feature or target column.</summary>
    public static bool IsNumeric(Field field) => IsFlat(field) && Numeric.Contains(((DataField)field).ClrType);

    /// <summary>A string or integer column, not a list: a group column.</summary>
    public static bool IsGroup(Field field) => IsFlat(field) && (IsString(((DataField)field).ClrType) || Integer.Contains(((DataField)field).ClrType));

    public static bool IsString(Type type) => type == typeof(ReadOnlyMemory<char>) || type == typeof(string);

    /// <summary>A short description for messages, e.g. "a string column", "a list column".</summary>
    public static string Describe(Field field)
    {
        if (field is not DataField data)
            return $"a {field.SchemaType.ToString().ToLowerInvariant()} column";
        if (data.IsArray || data.MaxRepetitionLevel > 0)
            return "a list column";
        var t = data.ClrType;
        if (IsString(t)) return "a string column";
        if (t == typeof(byte[]) || t == typeof(ReadOnlyMemory<byte>)) return "a binary column";
        if (t == typeof(bool)) return "a boolean column";
        if (t == typeof(decimal)) return "a decimal column";
        if (t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(TimeSpan) || t == typeof(TimeOnly) || t == typeof(DateTimeOffset))
            return $"a date/time column ({t.Name})";
        return $"a {t.Name} column";
    }
}
