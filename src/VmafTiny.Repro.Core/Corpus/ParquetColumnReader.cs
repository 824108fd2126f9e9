using System.Buffers;
using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// Reads one column of one row group into reusable buffers: numeric columns widened to float64,
/// group columns mapped to <see cref="GroupTable"/> ids. A null is reported through a flag, never
/// as a value. Parquet.Net failures become VMR2003.
/// </summary>
internal sealed class ParquetColumnReader(string path)
{
    private readonly Dictionary<Type, object> _integerGroupCache = [];
    private int[] _definitionLevels = [];
    private ReadOnlyMemory<char>[] _strings = [];

    /// <summary>
    /// Reads <paramref name="field"/> into <paramref name="values"/>[0..count); sets
    /// <paramref name="isNull"/>[i] for null rows (their value is NaN) and returns the null count.
    /// </summary>
    public async ValueTask<int> ReadDoublesAsync(ParquetRowGroupReader rowGroup, DataField field, int count,
        double[] values, bool[] isNull, CancellationToken ct)
    {
        var t = field.ClrType;
        if (t == typeof(double))
            await ReadRawAsync(rowGroup, field, values.AsMemory(0, count), count, ct);
        else if (t == typeof(float)) await ReadConvertedAsync<float>(rowGroup, field, count, values, ct);
        else if (t == typeof(int)) await ReadConvertedAsync<int>(rowGroup, field, count, values, ct);
        else if (t == typeof(long)) await ReadConvertedAsync<long>(rowGroup, field, count, values, ct);
        else if (t == typeof(short)) await ReadConvertedAsync<short>(rowGroup, field, count, values, ct);
        else if (t == typeof(sbyte)) await ReadConvertedAsync<sbyte>(rowGroup, field, count, values, ct);
        else if (t == typeof(byte)) await ReadConvertedAsync<byte>(rowGroup, field, count, values, ct);
        else if (t == typeof(ushort)) await ReadConvertedAsync<ushort>(rowGroup, field, count, values, ct);
        else if (t == typeof(uint)) await ReadConvertedAsync<uint>(rowGroup, field, count, values, ct);
        else if (t == typeof(ulong)) await ReadConvertedAsync<ulong>(rowGroup, field, count, values, ct);
        else throw new InvalidOperationException($"column '{field.Name}' of type {t} passed validation as numeric");
        return SpreadNulls(field, count, values, isNull, double.NaN);
    }

    /// <summary>
    /// Reads the group column into ids of <paramref name="groups"/>; null rows get id -1. Returns the null count.
    /// </summary>
    public async ValueTask<int> ReadGroupsAsync(ParquetRowGroupReader rowGroup, DataField field, int count,
        GroupTable groups, int[] ids, CancellationToken ct)
    {
        var t = field.ClrType;
        if (ColumnTypes.IsString(t))
        {
            if (_strings.Length < count) _strings = new ReadOnlyMemory<char>[count];
            await ReadRawAsync(rowGroup, field, _strings.AsMemory(0, count), count, ct);
            var nonNull = NonNullCount(field, count);
            for (var i = 0; i < nonNull; i++)
                ids[i] = groups.IdOf(_strings[i].Span);
        }
        else if (t == typeof(int)) await ReadIntegerGroupsAsync<int>(rowGroup, field, count, groups, ids, ct);
        else if (t == typeof(long)) await ReadIntegerGroupsAsync<long>(rowGroup, field, count, groups, ids, ct);
        else if (t == typeof(short)) await ReadIntegerGroupsAsync<short>(rowGroup, field, count, groups, ids, ct);
        else if (t == typeof(sbyte)) await ReadIntegerGroupsAsync<sbyte>(rowGroup, field, count, groups, ids, ct);
        else if (t == typeof(byte)) await ReadIntegerGroupsAsync<byte>(rowGroup, field, count, groups, ids, ct);
        else if (t == typeof(ushort)) await ReadIntegerGroupsAsync<ushort>(rowGroup, field, count, groups, ids, ct);
        else if (t == typeof(uint)) await ReadIntegerGroupsAsync<uint>(rowGroup, field, count, groups, ids, ct);
        else if (t == typeof(ulong)) await ReadIntegerGroupsAsync<ulong>(rowGroup, field, count, groups, ids, ct);
        else throw new InvalidOperationException($"group column '{field.Name}' of type {t} passed validation");
        return SpreadNulls(field, count, ids, null, -1);
    }

    private async ValueTask ReadConvertedAsync<T>(ParquetRowGroupReader rowGroup, DataField field, int count, double[] values, CancellationToken ct)
        where T : unmanaged, INumberBase<T>
    {
        var raw = ArrayPool<T>.Shared.Rent(count);
        try
        {
            await ReadRawAsync(rowGroup, field, raw.AsMemory(0, count), count, ct);
            Widen<T>(raw.AsSpan(0, NonNullCount(field, count)), values);
        }
        finally { ArrayPool<T>.Shared.Return(raw); }
    }

    private static void Widen<T>(ReadOnlySpan<T> raw, Span<double> values) where T : unmanaged, INumberBase<T>
    {
        for (var i = 0; i < raw.Length; i++)
            values[i] = double.CreateTruncating(raw[i]);
    }

    private async ValueTask ReadIntegerGroupsAsync<T>(ParquetRowGroupReader rowGroup, DataField field, int count,
        GroupTable groups, int[] ids, CancellationToken ct)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (!_integerGroupCache.TryGetValue(typeof(T), out var cacheObject))
            _integerGroupCache[typeof(T)] = cacheObject = new Dictionary<T, int>();
        var cache = (Dictionary<T, int>)cacheObject;
        var raw = ArrayPool<T>.Shared.Rent(count);
        try
        {
            await ReadRawAsync(rowGroup, field, raw.AsMemory(0, count), count, ct);
            var nonNull = NonNullCount(field, count);
            for (var i = 0; i < nonNull; i++)
            {
                if (!cache.TryGetValue(raw[i], out var id))
                    cache[raw[i]] = id = groups.IdOf(raw[i].ToString(null, CultureInfo.InvariantCulture));
                ids[i] = id;
            }
        }
        finally { ArrayPool<T>.Shared.Return(raw); }
    }

    /// <summary>Parquet.Net packs the non-null values of an optional column first; this is where they go.</summary>
    private async ValueTask ReadRawAsync<T>(ParquetRowGroupReader rowGroup, DataField field, Memory<T> values, int count, CancellationToken ct)
        where T : struct
    {
        Memory<int>? levels = null;
        if (field.MaxDefinitionLevel > 0)
        {
            if (_definitionLevels.Length < count) _definitionLevels = new int[count];
            levels = _definitionLevels.AsMemory(0, count);
        }
        try
        {
            await rowGroup.ReadRawAsync(field, values, levels, null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw CorpusErrors.NotParquet(path, e);
        }
    }

    private int NonNullCount(DataField field, int count)
    {
        if (field.MaxDefinitionLevel == 0) return count;
        var max = field.MaxDefinitionLevel;
        var n = 0;
        foreach (var level in _definitionLevels.AsSpan(0, count))
            if (level == max) n++;
        return n;
    }

    /// <summary>Moves the packed non-null values to their rows (back to front, in place) and fills the nulls.</summary>
    private int SpreadNulls<T>(DataField field, int count, T[] values, bool[]? isNull, T nullValue)
    {
        if (isNull is not null) Array.Clear(isNull, 0, count);
        if (field.MaxDefinitionLevel == 0) return 0;
        var max = field.MaxDefinitionLevel;
        var levels = _definitionLevels.AsSpan(0, count);
        var next = NonNullCount(field, count) - 1;
        var nulls = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            if (levels[i] == max)
            {
                values[i] = values[next--];
            }
            else
            {
                values[i] = nullValue;
                if (isNull is not null) isNull[i] = true;
                nulls++;
            }
        }
        return nulls;
    }
}
