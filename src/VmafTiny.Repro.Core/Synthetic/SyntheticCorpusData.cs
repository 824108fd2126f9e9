using System.Buffers.Binary;
using System.Security.Cryptography;
using VmafTiny.Repro.Corpus;

namespace VmafTiny.Repro.Synthetic;

/// <summary>
/// The columns of a generated corpus, one row per frame, in file order: the canonical-6 features,
/// the <c>vmaf</c> target, the group (<see cref="GroupColumn"/>), the frame index within its clip,
/// and a pandas-style <c>__index_level_0__</c> (the row number). The arrays are the generator's own;
/// treat them as read-only.
/// </summary>
public sealed class SyntheticCorpusData
{
    internal SyntheticCorpusData(SyntheticShape shape, ulong seed, string groupColumn,
        double[][] features, double[] target, string[] groups, int[] frames)
    {
        Shape = shape;
        Seed = seed;
        GroupColumn = groupColumn;
        Features = features;
        Target = target;
        Groups = groups;
        Frames = frames;
    }

    public const string TargetName = "vmaf";
    public const string FrameColumn = "frame";
    public const string IndexColumn = "__index_level_0__";

    public SyntheticShape Shape { get; }
    public ulong Seed { get; }

    /// <summary><c>source</c> for <see cref="SyntheticShape.Netflix"/>, <c>fold</c> for <see cref="SyntheticShape.KoNViD"/>.</summary>
    public string GroupColumn { get; }

    public IReadOnlyList<string> FeatureNames => CorpusSpec.CanonicalFeatures;

    /// <summary>One array per feature (column-major), in <see cref="FeatureNames"/> order.</summary>
    public IReadOnlyList<double[]> Features { get; }

    public double[] Target { get; }
    public string[] Groups { get; }
    public int[] Frames { get; }
    public int Rows => Target.Length;

    /// <summary>The protocol the real corpus of this shape uses: <c>loso</c> or <c>kfold</c>.</summary>
    public string Protocol => Shape == SyntheticShape.Netflix ? "loso" : "kfold";

    /// <summary>A spec that reads this data back from <paramref name="path"/> once written with <see cref="SyntheticCorpus.WriteParquet"/>.</summary>
    public CorpusSpec ToSpec(string path, string? name = null) => new()
    {
        Name = name ?? $"synthetic-{Shape.ToString().ToLowerInvariant()}",
        Path = path,
        GroupColumn = GroupColumn,
        Protocol = Protocol,
    };

    /// <summary>
    /// The corpus in memory, without a file; its fingerprint equals the one <see cref="CorpusReader"/>
    /// computes for the file <see cref="SyntheticCorpus.WriteParquet"/> writes.
    /// </summary>
    public LoadedCorpus ToCorpus(string? name = null)
    {
        var spec = ToSpec(path: "", name);
        var groups = new GroupTable();
        var collector = new CorpusCollector(Features.Count, Rows);
        using var fingerprint = new CorpusFingerprintBuilder(spec.Features, spec.Target, spec.GroupColumn);
        var columns = Features.Append(Target).ToArray();
        for (var i = 0; i < Rows; i++)
        {
            var id = groups.IdOf(Groups[i]);
            groups.CountRow(id);
            fingerprint.AppendRow(columns, i, groups.EncodedOf(id));
            collector.Add(columns, i, id);
        }
        var counts = groups.SortedCounts().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var print = new CorpusFingerprint(fingerprint.Finish(), Rows, counts);
        return collector.Build(spec, groups, print, path: null);
    }

    /// <summary>
    /// SHA-256 (lowercase hex) of the generator version (<c>vmaf-repro/synthetic/vN</c>) and every
    /// generated column (names, then values as little-endian IEEE-754 / integers, strings as
    /// length-prefixed UTF-8). Equal on every machine for the same version, shape, rows and seed;
    /// a change means the generator (or the platform's arithmetic) drifted.
    /// </summary>
    public string ComputeSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(CorpusFingerprintBuilder.EncodeString($"vmaf-repro/synthetic/v{SyntheticCorpus.GeneratorVersion}"));
        Span<byte> buffer = stackalloc byte[8];
        for (var f = 0; f < Features.Count; f++)
            AppendDoubles(hash, FeatureNames[f], Features[f], buffer);
        AppendDoubles(hash, TargetName, Target, buffer);
        hash.AppendData(CorpusFingerprintBuilder.EncodeString(GroupColumn));
        foreach (var g in Groups)
            hash.AppendData(CorpusFingerprintBuilder.EncodeString(g));
        hash.AppendData(CorpusFingerprintBuilder.EncodeString(FrameColumn));
        foreach (var frame in Frames)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, frame);
            hash.AppendData(buffer[..4]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendDoubles(IncrementalHash hash, string name, double[] values, Span<byte> buffer)
    {
        hash.AppendData(CorpusFingerprintBuilder.EncodeString(name));
        foreach (var v in values)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, v);
            hash.AppendData(buffer);
        }
    }
}
