using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace VmafTiny.Repro.Corpus;

/// <summary>
/// Computes <see cref="CorpusFingerprint.Sha256"/> incrementally. The canonical encoding, which
/// depends only on the selected values and their row order (not on compression, row groups,
/// column order or physical types):
/// <list type="number">
/// <item>header: the string <c>vmaf-repro/corpus/v1</c>, the feature count as int32, each feature
/// name, the target name, the group column name;</item>
/// <item>per row: each feature value then the target as IEEE-754 float64, then the group value.</item>
/// </list>
/// Integers are little-endian; a string is its UTF-8 byte count as int32 followed by the bytes.
/// </summary>
internal sealed class CorpusFingerprintBuilder : IDisposable
{
    private const string Magic = "vmaf-repro/corpus/v1";
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public CorpusFingerprintBuilder(IReadOnlyList<string> features, string target, string groupColumn)
    {
        _hash.AppendData(EncodeString(Magic));
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, features.Count);
        _hash.AppendData(count);
        foreach (var name in features)
            _hash.AppendData(EncodeString(name));
        _hash.AppendData(EncodeString(target));
        _hash.AppendData(EncodeString(groupColumn));
    }

    public long Rows { get; private set; }

    /// <summary>Appends one row: <paramref name="columns"/> holds the features then the target.</summary>
    public void AppendRow(double[][] columns, int row, byte[] encodedGroup)
    {
        var need = columns.Length * sizeof(double) + encodedGroup.Length;
        if (_used + need > _buffer.Length)
            Flush();
        if (need > _buffer.Length)
        {
            AppendRowUnbuffered(columns, row, encodedGroup);
            return;
        }
        var span = _buffer.AsSpan(_used);
        for (var c = 0; c < columns.Length; c++)
            BinaryPrimitives.WriteDoubleLittleEndian(span[(c * sizeof(double))..], columns[c][row]);
        encodedGroup.CopyTo(span[(columns.Length * sizeof(double))..]);
        _used += need;
        Rows++;
    }

    /// <summary>Appends one row held row-major: its features, then its target.</summary>
    public void AppendRow(ReadOnlySpan<double> features, double target, byte[] encodedGroup)
    {
        var need = (features.Length + 1) * sizeof(double) + encodedGroup.Length;
        if (_used + need > _buffer.Length)
            Flush();
        if (need > _buffer.Length)
        {
            Span<byte> value = stackalloc byte[sizeof(double)];
            foreach (var v in features)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(value, v);
                _hash.AppendData(value);
            }
            BinaryPrimitives.WriteDoubleLittleEndian(value, target);
            _hash.AppendData(value);
            _hash.AppendData(encodedGroup);
            Rows++;
            return;
        }
        var span = _buffer.AsSpan(_used);
        for (var c = 0; c < features.Length; c++)
            BinaryPrimitives.WriteDoubleLittleEndian(span[(c * sizeof(double))..], features[c]);
        BinaryPrimitives.WriteDoubleLittleEndian(span[(features.Length * sizeof(double))..], target);
        encodedGroup.CopyTo(span[((features.Length + 1) * sizeof(double))..]);
        _used += need;
        Rows++;
    }

    /// <summary>The lowercase hex SHA-256 of everything appended.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    public static byte[] EncodeString(string value)
    {
        var bytes = new byte[4 + Encoding.UTF8.GetByteCount(value)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - 4);
        Encoding.UTF8.GetBytes(value, bytes.AsSpan(4));
        return bytes;
    }

    private void AppendRowUnbuffered(double[][] columns, int row, byte[] encodedGroup)
    {
        Span<byte> value = stackalloc byte[sizeof(double)];
        foreach (var column in columns)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(value, column[row]);
            _hash.AppendData(value);
        }
        _hash.AppendData(encodedGroup);
        Rows++;
    }

    private void Flush()
    {
        if (_used == 0) return;
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
