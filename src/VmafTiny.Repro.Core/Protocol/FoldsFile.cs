using System.Globalization;
using System.Reflection;
using Parquet;
using Parquet.Schema;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Protocol;

/// <summary>What <see cref="FoldsFile.Write"/> wrote.</summary>
/// <param name="Path">The folds file written.</param>
/// <param name="RowsInFile">Rows copied (every row of the input).</param>
/// <param name="Groups">Distinct values of the --by column.</param>
/// <param name="RowsPerFold">Rows per fold (fold0 … fold{k-1}), as the corpus reader keeps them.</param>
/// <param name="Fingerprint">The corpus fingerprint of the output read with group column <c>source</c>
/// (equal to the fingerprint of the same corpus configured with <c>"folds"</c>).</param>
public sealed record FoldsFileOutcome(string Path, long RowsInFile, int Groups, IReadOnlyDictionary<string, long> RowsPerFold, CorpusFingerprint Fingerprint);

/// <summary>
/// <c>vmaf-repro folds</c>: writes a copy of a corpus file (every column, every row, in order) with a
/// <c>source</c> column added holding each row's fold (<see cref="FoldAssignment"/>), and the
/// assignment recorded in the file's key-value metadata (<see cref="MetadataKeys"/>).
/// </summary>
/// <remarks>
/// The groups and their row counts come from the corpus reader (canonical features, target
/// <c>vmaf</c>, group column = --by), so the file is validated as <c>verify</c> would read it and the
/// rows are balanced as it counts them. The input's <c>pandas</c> and <c>ARROW:schema</c> metadata
/// describe the input's columns, not the output's, and are not copied.
/// </remarks>
public static class FoldsFile
{
    /// <summary>Metadata keys written: algorithm, k, seed, by (the group column), column (the fold column) and the corpus fingerprint.</summary>
    public static readonly IReadOnlyList<string> MetadataKeys =
        ["vmaf_repro.folds.algorithm", "vmaf_repro.folds.k", "vmaf_repro.folds.seed", "vmaf_repro.folds.by", "vmaf_repro.folds.column", "vmaf_repro.folds.corpus_sha256"];

    private static readonly string[] DroppedMetadata = ["pandas", "ARROW:schema"];

    public static FoldsFileOutcome Write(string input, string output, FoldAssignmentSettings settings, bool dropNonFinite = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FoldAssignment.Validate(settings, "--k/--seed");
        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
            throw Error(input, "the output is the input file", "Write the folds file to another path (--out); the input is only read.");

        var spec = new CorpusSpec { Name = "folds", Path = input, GroupColumn = settings.By, DropNonFinite = dropNonFinite };
        var keyed = new CorpusReader().Read(spec, ct);
        var assigned = FoldAssignment.Apply(keyed, settings, spec.Target);
        var foldOfGroup = FoldAssignment.Assign(keyed.GroupNames.Select(n => KeyValuePair.Create(n, keyed.Fingerprint.RowsPerGroup[n])).ToList(), settings, input);
        var foldOfKey = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var g = 0; g < keyed.GroupNames.Count; g++) foldOfKey[keyed.GroupNames[g]] = FoldAssignment.FoldName(foldOfGroup[g]);

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys[0]] = FoldAssignment.Algorithm,
            [MetadataKeys[1]] = settings.K.ToString(CultureInfo.InvariantCulture),
            [MetadataKeys[2]] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            [MetadataKeys[3]] = settings.By,
            [MetadataKeys[4]] = FoldAssignment.FoldColumn,
            [MetadataKeys[5]] = assigned.Fingerprint.Sha256,
        };
        long rowsInFile = 0;
        AtomicFile.Write(output, stream => rowsInFile = CopyAsync(input, stream, settings.By, foldOfKey, metadata, ct).GetAwaiter().GetResult(), cancellationToken: ct);
        return new FoldsFileOutcome(output, rowsInFile, keyed.GroupNames.Count, assigned.Fingerprint.RowsPerGroup, assigned.Fingerprint);
    }

    private static async Task<long> CopyAsync(string input, Stream output, string by, Dictionary<string, string> foldOfKey,
        Dictionary<string, string> metadata, CancellationToken ct)
    {
        await using var source = CorpusReader.OpenFile(input);
        await using var reader = await ParquetReader.CreateAsync(source, null, leaveStreamOpen: true, ct);
        var fields = reader.Schema.Fields;
        if (fields.Any(f => f.Name == FoldAssignment.FoldColumn))
            throw Error(input, $"the corpus already has a '{FoldAssignment.FoldColumn}' column, where the folds would be written",
                $"Drop or rename its '{FoldAssignment.FoldColumn}' column first; a corpus that already has folds needs no folds file (configure it with group_column '{FoldAssignment.FoldColumn}').");
        var nested = fields.Where(f => !ColumnTypes.IsFlat(f)).Select(f => f.Name).ToList();
        if (nested.Count > 0)
            throw Error(input, $"the corpus has nested or list columns ({MessageText.List(nested.Select(n => $"'{MessageText.Printable(n)}'"))}), which the folds file cannot copy",
                "Flatten or drop them before assigning folds.");
        var data = fields.Cast<DataField>().ToArray();
        // The output schema gets its own field objects (the schema read again), so the writer's
        // schema never shares (and re-parents) the fields the reader reads with.
        source.Position = 0;
        var outputFields = (await ParquetReader.ReadSchemaAsync(source)).Fields.Cast<DataField>().ToArray();
        var foldField = new DataField(FoldAssignment.FoldColumn, typeof(string), isNullable: false);
        var schema = new ParquetSchema([.. outputFields, foldField]);

        foreach (var kv in reader.CustomMetadata)
            if (!DroppedMetadata.Contains(kv.Key) && !metadata.ContainsKey(kv.Key))
                metadata[kv.Key] = kv.Value;
        var byField = data.Single(f => f.Name == by);
        var columnReader = new ParquetColumnReader(input);
        var groups = new GroupTable();
        long rows = 0;
        await using var writer = await ParquetWriter.CreateAsync(schema, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: ct);
        writer.CustomMetadata = metadata;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            ct.ThrowIfCancellationRequested();
            var rowGroup = reader.OpenRowGroupReader(g);
            var count = (int)rowGroup.RowCount;
            using var target = writer.CreateRowGroup();
            for (var c = 0; c < data.Length; c++)
                await CopyColumnAsync(rowGroup, target, data[c], outputFields[c], count, input, ct);
            var ids = new int[count];
            await columnReader.ReadGroupsAsync(rowGroup, byField, count, groups, ids, ct);
            var folds = new string[count];
            for (var i = 0; i < count; i++) folds[i] = foldOfKey[groups.NameOf(ids[i])];
            await target.WriteAsync(foldField, folds);
            rows += count;
        }
        return rows;
    }

    private static readonly MethodInfo CopyTyped = typeof(FoldsFile).GetMethod(nameof(CopyTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task CopyColumnAsync(ParquetRowGroupReader from, ParquetRowGroupWriter to, DataField field, DataField outputField, int count, string input, CancellationToken ct)
    {
        var t = field.ClrType == typeof(string) ? typeof(ReadOnlyMemory<char>) : field.ClrType == typeof(byte[]) ? typeof(ReadOnlyMemory<byte>) : field.ClrType;
        try
        {
            await (Task)CopyTyped.MakeGenericMethod(t).Invoke(null, [from, to, field, outputField, count, ct])!;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not ReproException)
        {
            var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
            throw Error(input, $"column '{MessageText.Printable(field.Name)}' ({ColumnTypes.Describe(field)}) could not be copied: {inner.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.')}",
                "Drop that column before assigning folds, or convert it to a number or string column.");
        }
    }

    // Values are packed (the non-null ones first) with the definition levels alongside, as Parquet stores them.
    private static async Task CopyTypedAsync<T>(ParquetRowGroupReader from, ParquetRowGroupWriter to, DataField field, DataField outputField, int count, CancellationToken ct)
        where T : struct
    {
        var values = new T[count];
        int[]? levels = field.MaxDefinitionLevel > 0 ? new int[count] : null;
        // A plain null would convert to an empty Memory (through int[]), which is not "no levels".
        await from.ReadRawAsync(field, values.AsMemory(), levels is null ? (Memory<int>?)null : levels.AsMemory(), null, ct);
        if (levels is null)
        {
            await to.WriteAsync<T>(outputField, values.AsMemory(), null, null, ct);
            return;
        }
        var present = levels.Count(l => l == field.MaxDefinitionLevel);
        await to.WriteAllPartsAsync<T>(outputField, values.AsMemory(0, present), levels.AsMemory(), null, ct);
    }

    private static ReproException Error(string path, string message, string hint) =>
        new("VMR2023", message, hint, ExitCodes.UsageOrInputError, path);
}
