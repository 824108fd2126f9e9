using Parquet.Schema;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// The Parquet columns one corpus read uses, found by name: the value columns (features in the
/// configured order, then the target) and the group column.
/// </summary>
internal sealed record ColumnPlan(IReadOnlyList<string> ValueNames, DataField[] ValueFields, DataField GroupField)
{
    public int FeatureCount => ValueFields.Length - 1;
}
