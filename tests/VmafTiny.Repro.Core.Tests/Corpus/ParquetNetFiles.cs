using Parquet;
using Parquet.Schema;

namespace VmafTiny.Repro.Core.Tests.Corpus;

/// <summary>Small Parquet files written with Parquet.Net for the cases DuckDB cannot write (duplicated names).</summary>
internal sealed class ParquetNetFiles : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-corpus-");

    public string Write(string name, params (DataField Field, Array Values)[] columns)
    {
        var path = Path.Combine(_dir.FullName, name);
        WriteAsync(path, columns).GetAwaiter().GetResult();
        return path;
    }

    public string Text(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Folder => _dir.FullName;

    /// <summary>The canonical six features with simple values, for <paramref name="rows"/> rows.</summary>
    public static IEnumerable<(DataField, Array)> CanonicalFeatures(int rows) =>
        FixtureFormula.Features.Select(f => ((DataField)new DataField<double>(f), (Array)Enumerable.Range(0, rows).Select(i => FixtureFormula.Feature(f, i)).ToArray()));

    public static (DataField, Array) Vmaf(int rows) => (new DataField<double>("vmaf"), Enumerable.Range(0, rows).Select(i => FixtureFormula.Vmaf(i)).ToArray());

    public static (DataField, Array) Source(int rows) => (new DataField<string>("source"), Enumerable.Range(0, rows).Select(i => FixtureFormula.Source(i)).ToArray());

    private static async Task WriteAsync(string path, (DataField Field, Array Values)[] columns)
    {
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var rowGroup = writer.CreateRowGroup();
        foreach (var (field, values) in columns)
        {
            switch (values)
            {
                case double[] d: await rowGroup.WriteAsync<double>(field, d); break;
                case double?[] d: await rowGroup.WriteAsync<double>(field, d); break;
                case int[] d: await rowGroup.WriteAsync<int>(field, d); break;
                case long[] d: await rowGroup.WriteAsync<long>(field, d); break;
                case bool[] d: await rowGroup.WriteAsync<bool>(field, d); break;
                case string?[] d: await rowGroup.WriteAsync(field, d); break;
                default: throw new NotSupportedException(values.GetType().Name);
            }
        }
    }

    public void Dispose()
    {
        try { _dir.Delete(recursive: true); }
        catch (IOException) { }
    }
}
