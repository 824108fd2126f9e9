using System.Globalization;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// The corpus diagnostics (VMR2001..VMR2014, VMR2020): one place for their codes, messages and hints.
/// Every one is an input error (<see cref="ExitCodes.UsageOrInputError"/>) naming the file.
/// </summary>
internal static class CorpusErrors
{
    private static ReproException Error(string code, string path, string message, string hint, Exception? inner = null) =>
        new(code, message, hint, ExitCodes.UsageOrInputError, path, inner);

    public static ReproException MissingFile(string path, string? reason = null) => Error("VMR2001",
        path, reason is null ? "corpus file not found" : $"corpus file cannot be opened: {reason}",
        "Check the corpus path (in vmaf-repro.json relative paths are resolved against the configuration file's folder; on the command line against the working directory) and that the file is readable.");

    public static ReproException EmptyFile(string path) => Error("VMR2002",
        path, "corpus file is empty (0 bytes)",
        "Re-export the corpus; an interrupted copy or download leaves an empty file.");

    public static ReproException NotParquet(string path, Exception inner) => Error("VMR2003",
        path, $"corpus file is not a readable Parquet file (truncated or corrupt?): {OneLine(inner.Message)}",
        "Re-export it with pandas.DataFrame.to_parquet or pyarrow, or copy it again; a CSV renamed to .parquet does not work.",
        inner);

    public static ReproException MissingColumns(string path, IReadOnlyList<string> missing, IReadOnlyList<string> present) => Error("VMR2004",
        path, $"corpus is missing column{(missing.Count == 1 ? "" : "s")} {Quote(missing)}; it has {Quote(present)}",
        "Name the feature, target and group columns of this file in the corpus configuration (features, target, group_column).");

    public static ReproException NonNumeric(string path, IReadOnlyList<(string Column, string Type)> columns) => Error("VMR2005",
        path, $"feature/target column{(columns.Count == 1 ? "" : "s")} not numeric: {string.Join(", ", columns.Select(c => $"'{c.Column}' is {c.Type}"))}",
        "Store features and the target as float, double or integer columns (e.g. df[col] = df[col].astype('float64')).");

    public static ReproException DuplicateInFile(string path, IReadOnlyList<string> names) => Error("VMR2006",
        path, $"corpus has duplicated column name{(names.Count == 1 ? "" : "s")} {Quote(names)}, so the selection is ambiguous",
        "Rename or drop the duplicated columns when exporting the corpus.");

    public static ReproException DuplicateInSpec(string path, IReadOnlyList<string> names) => Error("VMR2006",
        path, $"the corpus configuration uses column{(names.Count == 1 ? "" : "s")} {Quote(names)} more than once (features, target and group column must be distinct)",
        "List each feature once and choose a target and group column that are not features.");

    public static ReproException NonFinite(string path, IEnumerable<NonFiniteCount> counts) => Error("VMR2007",
        path, $"corpus has NaN/Inf/null values: {MessageText.List(counts.Select(c => c.Describe()))}",
        "Clean the corpus, or set drop_non_finite: true to drop those rows (the count is reported).");

    public static ReproException SmallGroups(string path, string groupColumn, IReadOnlyList<KeyValuePair<string, long>> groups, int min) => Error("VMR2008",
        path, $"group{(groups.Count == 1 ? "" : "s")} of '{groupColumn}' with fewer than {min} rows: {MessageText.List(groups.Select(g => $"'{MessageText.Printable(g.Key)}' ({g.Value.ToString(CultureInfo.InvariantCulture)} row{(g.Value == 1 ? "" : "s")})"))}",
        "Every held-out group needs at least 3 rows for the correlations; merge or remove the tiny groups, or check the group column.");

    public static ReproException SingleGroup(string path, string groupColumn, string group) => Error("VMR2009",
        path, $"group column '{groupColumn}' has only one value ('{group}'), so there is nothing to hold out",
        "Point group_column at the column naming the source clip or the pre-assigned fold.");

    public static ReproException NoRows(string path, long dropped) => Error("VMR2010",
        path, dropped == 0 ? "corpus has no rows" : $"corpus has no rows left after dropping {dropped.ToString(CultureInfo.InvariantCulture)} rows with NaN/Inf/null values",
        "Check that the export wrote the data (not just the schema) and that this is the intended file.");

    public static ReproException UnsupportedGroupType(string path, string column, string type) => Error("VMR2011",
        path, $"group column '{column}' is {type}; it must be a string or an integer column",
        "Store the group (source name or fold) as text or as an integer.");

    public static ReproException NullGroups(string path, string column, long count) => Error("VMR2012",
        path, $"group column '{column}' has {count.ToString(CultureInfo.InvariantCulture)} null value{(count == 1 ? "" : "s")}",
        "Every row needs a group (source name or fold): fill in or drop those rows when exporting.");

    public static ReproException TooLarge(string path, long rows, int features) => Error("VMR2014",
        path, $"corpus is too large to hold in memory as one array ({rows.ToString(CultureInfo.InvariantCulture)} rows x {features} features)",
        "Use a smaller corpus or fewer features; the fingerprint still works on files of any size.");

    public static ReproException AmbiguousFeature(string path, string feature, string prefixed) => Error("VMR2020",
        path, $"corpus has both '{MessageText.Printable(feature)}' and '{MessageText.Printable(prefixed)}', so feature {MessageText.Printable(feature)} is ambiguous (libvmaf's float and fixed-point versions differ slightly)",
        $"List the feature columns to use in the corpus configuration (\"features\": [...]; configured names are exact), e.g. all '{IntegerPrefixHint}' or none.");

    private const string IntegerPrefixHint = CorpusColumns.IntegerPrefix + "*";

    private static string Quote(IEnumerable<string> names) => MessageText.List(names.Select(n => $"'{MessageText.Printable(n)}'"));

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}

/// <summary>How many NaN, infinite and null values one column holds.</summary>
internal sealed record NonFiniteCount(string Column, long NaN, long Infinite, long Null)
{
    public long Total => NaN + Infinite + Null;

    public string Describe()
    {
        var parts = new List<string>(3);
        if (NaN > 0) parts.Add($"{NaN.ToString(CultureInfo.InvariantCulture)} NaN");
        if (Infinite > 0) parts.Add($"{Infinite.ToString(CultureInfo.InvariantCulture)} Inf");
        if (Null > 0) parts.Add($"{Null.ToString(CultureInfo.InvariantCulture)} null");
        return $"'{Column}' ({string.Join(", ", parts)})";
    }
}
