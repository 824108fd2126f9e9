using Parquet.Schema;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// Finds the configured feature, target and group columns in a Parquet schema by name (top-level
/// columns only, ordinal match), and rejects what cannot be read: a configuration naming a column
/// twice, a name the file holds twice (VMR2006), missing columns (VMR2004, all of them at once),
/// non-numeric features or target (VMR2005), a group column that is neither text nor integer (VMR2011).
/// Unless the features were configured (<see cref="CorpusSpec.FeaturesExplicit"/>), a feature <c>X</c>
/// the file lacks is read from libvmaf's fixed-point column <c>integer_X</c>; a file with both is
/// ambiguous (VMR2020): configured feature names are exact and settle it.
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
        var featureColumns = spec.Features.Select(f => ColumnOf(spec, f, byName)).ToList();
        var wanted = featureColumns.Append(spec.Target).Append(spec.GroupColumn).ToList();

        var duplicated = wanted.Where(n => byName.TryGetValue(n, out var fs) && fs.Count > 1).ToList();
        if (duplicated.Count > 0)
            throw CorpusErrors.DuplicateInFile(spec.Path, duplicated);

        var missing = spec.Features.Zip(featureColumns, (f, c) => byName.ContainsKey(c) ? null : f)
            .Append(byName.ContainsKey(spec.Target) ? null : spec.Target)
            .Append(byName.ContainsKey(spec.GroupColumn) ? null : spec.GroupColumn)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw CorpusErrors.MissingColumns(spec.Path, missing, schema.Fields.Select(f => f.Name).ToList());

        var valueNames = featureColumns.Append(spec.Target).ToList();
        var notNumeric = valueNames.Select(n => byName[n][0]).Where(f => !ColumnTypes.IsNumeric(f))
            .Select(f => (f.Name, ColumnTypes.Describe(f))).ToList();
        if (notNumeric.Count > 0)
            throw CorpusErrors.NonNumeric(spec.Path, notNumeric);

        var group = byName[spec.GroupColumn][0];
        if (!ColumnTypes.IsGroup(group))
            throw CorpusErrors.UnsupportedGroupType(spec.Path, spec.GroupColumn, ColumnTypes.Describe(group));

        return new ColumnPlan(valueNames, valueNames.Select(n => (DataField)byName[n][0]).ToArray(), (DataField)group);
    }

    /// <summary>libvmaf's prefix of its fixed-point features (integer_adm2, integer_vif_scale0, …).</summary>
    public const string IntegerPrefix = "integer_";

    private static string ColumnOf(CorpusSpec spec, string feature, Dictionary<string, List<Field>> byName)
    {
        if (spec.FeaturesExplicit || feature.StartsWith(IntegerPrefix, StringComparison.Ordinal)) return feature;
        var prefixed = IntegerPrefix + feature;
        var plain = byName.ContainsKey(feature);
        if (plain && byName.ContainsKey(prefixed))
            throw CorpusErrors.AmbiguousFeature(spec.Path, feature, prefixed);
        return plain || !byName.ContainsKey(prefixed) ? feature : prefixed;
    }
}
