using Parquet;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// Reads a corpus Parquet file (any writer: pandas/pyarrow, DuckDB, Parquet.Net) by column name,
/// validates it, and fingerprints its content while it reads, one row group at a time. What was
/// read and dropped is the corpus's <see cref="LoadedCorpus.ReadReport"/>. Every problem with the input is a <see cref="Diagnostics.ReproException"/> VMR2001..VMR2014
/// (exit code 2) naming the file.
/// </summary>
public sealed class CorpusReader
{
    private readonly CorpusReaderOptions _options;

    public CorpusReader(CorpusReaderOptions? options = null) => _options = options ?? CorpusReaderOptions.Default;

    /// <summary>Reads the corpus into memory, with the report of what was read and dropped (<see cref="LoadedCorpus.ReadReport"/>).</summary>
    public LoadedCorpus Read(CorpusSpec spec, CancellationToken ct = default) => ReadAsync(spec, ct).AsTask().GetAwaiter().GetResult();

    private async ValueTask<LoadedCorpus> ReadAsync(CorpusSpec spec, CancellationToken ct)
    {
        CorpusColumns.ValidateSpec(spec);
        await using var stream = OpenFile(spec.Path);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw CorpusErrors.NotParquet(spec.Path, e);
        }
        await using (reader)
        {
            var plan = CorpusColumns.Resolve(spec, reader.Schema);
            var rowsInFile = RowsInFile(reader, spec.Path);
            var width = plan.ValueFields.Length;
            if (rowsInFile * Math.Max(1, plan.FeatureCount) > Array.MaxLength)
                throw CorpusErrors.TooLarge(spec.Path, rowsInFile, plan.FeatureCount);

            var collector = new CorpusCollector(plan.FeatureCount, rowsInFile);
            var groups = new GroupTable();
            var columns = new ColumnReaderState(width);
            var counts = new long[width, 3];
            long groupNulls = 0, dropped = 0;
            var columnReader = new ParquetColumnReader(spec.Path);
            using var fingerprint = new CorpusFingerprintBuilder(spec.Features, spec.Target, spec.GroupColumn);

            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                ct.ThrowIfCancellationRequested();
                var rowGroup = reader.OpenRowGroupReader(g);
                var count = (int)rowGroup.RowCount;
                columns.EnsureCapacity(count);
                for (var c = 0; c < width; c++)
                    await columnReader.ReadDoublesAsync(rowGroup, plan.ValueFields[c], count, columns.Values[c], columns.IsNull[c], ct);
                groupNulls += await columnReader.ReadGroupsAsync(rowGroup, plan.GroupField, count, groups, columns.GroupIds, ct);

                for (var i = 0; i < count; i++)
                {
                    var bad = false;
                    for (var c = 0; c < width; c++)
                    {
                        var kind = columns.IsNull[c][i] ? 2 : double.IsNaN(columns.Values[c][i]) ? 0 : double.IsInfinity(columns.Values[c][i]) ? 1 : -1;
                        if (kind < 0) continue;
                        counts[c, kind]++;
                        bad = true;
                    }
                    var group = columns.GroupIds[i];
                    if (bad) { dropped++; continue; }
                    if (group < 0) continue;
                    groups.CountRow(group);
                    fingerprint.AppendRow(columns.Values, i, groups.EncodedOf(group));
                    collector.Add(columns.Values, i, group);
                }
            }

            var nonFinite = Enumerable.Range(0, width)
                .Select(c => new NonFiniteCount(plan.ValueNames[c], counts[c, 0], counts[c, 1], counts[c, 2])).ToList();
            if (groupNulls > 0)
                throw CorpusErrors.NullGroups(spec.Path, spec.GroupColumn, groupNulls);
            if (dropped > 0 && !spec.DropNonFinite)
                throw CorpusErrors.NonFinite(spec.Path, nonFinite.Where(n => n.Total > 0));
            var perGroup = groups.SortedCounts();
            Validate(spec, perGroup, dropped);

            var print = new CorpusFingerprint(fingerprint.Finish(), fingerprint.Rows,
                perGroup.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
            var report = new CorpusReadReport(spec.Path, rowsInFile, dropped,
                nonFinite.ToDictionary(n => n.Column, n => n.Total, StringComparer.Ordinal), reader.RowGroupCount);
            var corpus = collector.Build(spec, groups, print, spec.Path);
            corpus.ReadReport = report;
            return corpus;
        }
    }

    private void Validate(CorpusSpec spec, IReadOnlyList<KeyValuePair<string, long>> perGroup, long dropped)
    {
        if (perGroup.Count == 0)
            throw CorpusErrors.NoRows(spec.Path, dropped);
        if (perGroup.Count < _options.MinGroups)
            throw CorpusErrors.SingleGroup(spec.Path, spec.GroupColumn, perGroup[0].Key);
        var small = perGroup.Where(kv => kv.Value < _options.MinRowsPerGroup).ToList();
        if (small.Count > 0)
            throw CorpusErrors.SmallGroups(spec.Path, spec.GroupColumn, small, _options.MinRowsPerGroup);
    }

    internal static FileStream OpenFile(string path)
    {
        // Checked before open: opening a FIFO blocks until a writer comes, /dev/stdin or a device never ends.
        var kind = FileKinds.Target(path);
        if (kind == FileKind.Missing)
            throw CorpusErrors.MissingFile(path);
        if (kind is not (FileKind.Regular or FileKind.Unknown))
            throw CorpusErrors.MissingFile(path, $"it is {FileKinds.Describe(kind)}, not a regular file");
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream.Length == 0)
            {
                stream.Dispose();
                throw CorpusErrors.EmptyFile(path);
            }
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CorpusErrors.MissingFile(path, e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.'));
        }
    }

    private static long RowsInFile(ParquetReader reader, string path)
    {
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var n = reader.OpenRowGroupReader(g).RowCount;
            if (n is < 0 or > int.MaxValue)
                throw CorpusErrors.NotParquet(path, new InvalidDataException($"row group {g} claims {n} rows"));
            rows += n;
        }
        return rows;
    }

    /// <summary>Per-row-group buffers, grown to the largest row group and reused.</summary>
    private sealed class ColumnReaderState(int width)
    {
        public double[][] Values { get; } = Enumerable.Range(0, width).Select(_ => Array.Empty<double>()).ToArray();
        public bool[][] IsNull { get; } = Enumerable.Range(0, width).Select(_ => Array.Empty<bool>()).ToArray();
        public int[] GroupIds { get; private set; } = [];

        public void EnsureCapacity(int rows)
        {
            if (GroupIds.Length >= rows) return;
            for (var c = 0; c < width; c++)
            {
                Values[c] = new double[rows];
                IsNull[c] = new bool[rows];
            }
            GroupIds = new int[rows];
        }
    }
}
