using Parquet.Schema;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// Finds the configured feature, target and group columns in a Parquet schema by name (top-level
/// columns only, ordinal match), and rejects what cannot be read: a configuration naming a column
/// twice, a name the file holds twice (VMR2006), missing columns (VMR2004, all of them at once),
/// non-numeric features or target (VMR2005), a group column that is neither text nor integer (VMR2011).
/// </summary>
internal static class CorpusColumns
{
    public static void ValidateSpec(CorpusSpec spec)
    {
        var all = spec.Features.Append(spec.Target).Append(spec.GroupColumn);
        var twice = all.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
            throw CorpusErrors.DuplicateInSpec(spec.Path, twice);
        if (spec.Features.Count == 0)
            throw new ArgumentException("a corpus needs at least one feature", nameof(spec));
    }

    public static ColumnPlan Resolve(CorpusSpec spec, ParquetSchema schema)
    {
        var byName = schema.Fields.GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var wanted = spec.Features.Append(spec.Target).Append(spec.GroupColumn).ToList();

        var duplicated = wanted.Where(n => byName.TryGetValue(n, out var fs) && fs.Count > 1).ToList();
        if (duplicated.Count > 0)
            throw CorpusErrors.DuplicateInFile(spec.Path, duplicated);

        var missing = wanted.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            throw CorpusErrors.MissingColumns(spec.Path, missing, schema.Fields.Select(f => f.Name).ToList());

        var valueNames = spec.Features.Append(spec.Target).ToList();
        var notNumeric = valueNames.Select(n => byName[n][0]).Where(f => !ColumnTypes.IsNumeric(f))
            .Select(f => (f.Name, ColumnTypes.Describe(f))).ToList();
        if (notNumeric.Count > 0)
            throw CorpusErrors.NonNumeric(spec.Path, notNumeric);

        var group = byName[spec.GroupColumn][0];
        if (!ColumnTypes.IsGroup(group))
            throw CorpusErrors.UnsupportedGroupType(spec.Path, spec.GroupColumn, ColumnTypes.Describe(group));

        return new ColumnPlan(valueNames, valueNames.Select(n => (DataField)byName[n][0]).ToArray(), (DataField)group);
    }
}
