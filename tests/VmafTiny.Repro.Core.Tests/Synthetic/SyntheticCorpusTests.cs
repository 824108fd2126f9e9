using System.Security.Cryptography;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Core.Tests.Synthetic;

public sealed class SyntheticCorpusTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-synth-");

    public void Dispose() => _dir.Delete(recursive: true);

    // Committed so that drift of the generator, or of the platform's arithmetic, is caught (generator v3).
    [Theory]
    [InlineData(SyntheticShape.Netflix, 300, 7UL, "cd030469d41b3ed3029a35fe9112ceee4fa27179d0a70e0b3419b934b8fbf4cb")]
    [InlineData(SyntheticShape.KoNViD, 300, 7UL, "c6110b63da1d0bc844048da761b5fd4e709225d0223aabdfa8bc15d727a753b1")]
    public void Generate_ProducesTheCommittedColumnHash_ForASmallCorpus(SyntheticShape shape, int rows, ulong seed, string sha256) =>
        Assert.Equal(sha256, SyntheticCorpus.Generate(shape, rows, seed).ComputeSha256());

    [Theory]
    [InlineData(SyntheticShape.Netflix)]
    [InlineData(SyntheticShape.KoNViD)]
    public void Generate_IsDeterministic_AndDependsOnTheSeed(SyntheticShape shape)
    {
        var a = SyntheticCorpus.Generate(shape, 2000, 42).ComputeSha256();
        var b = SyntheticCorpus.Generate(shape, 2000, 42).ComputeSha256();
        var c = SyntheticCorpus.Generate(shape, 2000, 43).ComputeSha256();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(SyntheticShape.Netflix, 200)]
    [InlineData(SyntheticShape.Netflix, 11_040)]
    [InlineData(SyntheticShape.Netflix, 12_345)]
    [InlineData(SyntheticShape.KoNViD, 250)]
    [InlineData(SyntheticShape.KoNViD, 20_000)]
    [InlineData(SyntheticShape.KoNViD, 270_000)]
    public void Generate_ReturnsExactlyTheRequestedRows_WithEveryGroupUsable(SyntheticShape shape, int rows)
    {
        var data = SyntheticCorpus.Generate(shape, rows, 1);

        Assert.Equal(rows, data.Rows);
        Assert.All(data.Features, f => Assert.Equal(rows, f.Length));
        var counts = data.Groups.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        string[] expected = shape == SyntheticShape.Netflix
            ? ["BigBuckBunny", "BirdsInCage", "CrowdRun", "ElFuente1", "ElFuente2", "FoxBird", "OldTownCross", "Seeking", "Tennis"]
            : ["fold0", "fold1", "fold2", "fold3", "fold4"];
        Assert.Equal(expected, counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, n => Assert.True(n >= 3 * (rows / 1000 + 1), $"group of {n} rows"));
    }

    [Fact]
    public void Netflix_HasAnEncodeLadderOf8To10ClipsPerSource()
    {
        var data = SyntheticCorpus.Generate(SyntheticShape.Netflix, 0);
        var clipsPerSource = Enumerable.Range(0, data.Rows).Where(i => data.Frames[i] == 0)
            .GroupBy(i => data.Groups[i]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(9, clipsPerSource.Count);
        Assert.All(clipsPerSource.Values, n => Assert.InRange(n, 8, 10));
        Assert.Equal("source", data.GroupColumn);
    }

    [Theory]
    [InlineData(SyntheticShape.Netflix)]
    [InlineData(SyntheticShape.KoNViD)]
    public void Motion2_IsZeroExactlyOnEachClipsFirstFrame(SyntheticShape shape)
    {
        var data = SyntheticCorpus.Generate(shape, 5);
        var motion = data.Features[5];

        for (var i = 0; i < data.Rows; i++)
            Assert.Equal(data.Frames[i] == 0, motion[i] == 0.0);
        Assert.True(Enumerable.Range(1, data.Rows - 1).All(i => data.Frames[i] == 0 || data.Frames[i] == data.Frames[i - 1] + 1));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Netflix_FeatureMarginals_AreNearTheRealCorpus(ulong seed)
    {
        var data = SyntheticCorpus.Generate(SyntheticShape.Netflix, seed);
        (double Mean, double Std)[] real = [(0.92, 0.035), (0.50, 0.16), (0.76, 0.09), (0.84, 0.07), (0.89, 0.05)];

        for (var f = 0; f < 5; f++)
        {
            var (mean, std) = SyntheticStats.MeanStd(data.Features[f]);
            Assert.InRange(mean, real[f].Mean - 0.35 * real[f].Std, real[f].Mean + 0.35 * real[f].Std);
            Assert.InRange(std, 0.7 * real[f].Std, 1.3 * real[f].Std);
            Assert.All(data.Features[f], v => Assert.InRange(v, 0.0, 1.0));
        }
        var (motionMean, motionStd) = SyntheticStats.MeanStd(data.Features[5]);
        Assert.InRange(motionMean, 3.5, 10.0);
        Assert.InRange(motionStd, 3.5, 12.0);
        Assert.All(data.Features[5], v => Assert.True(v >= 0.0));
    }

    [Theory]
    [InlineData(SyntheticShape.Netflix, 0.02, 0.20, 60.0, 90.0)]
    [InlineData(SyntheticShape.KoNViD, 0.25, 0.60, 80.0, 97.0)]
    public void Vmaf_StaysIn0To100_WithTheShapesShareTiedAtExactly100(SyntheticShape shape, double minTies, double maxTies, double minMean, double maxMean)
    {
        var data = SyntheticCorpus.Generate(shape, 3);
        var ties = data.Target.Count(v => v == 100.0) / (double)data.Rows;

        Assert.All(data.Target, v => Assert.InRange(v, 0.0, 100.0));
        Assert.InRange(ties, minTies, maxTies);
        var (mean, std) = SyntheticStats.MeanStd(data.Target);
        Assert.InRange(mean, minMean, maxMean);
        Assert.InRange(std, 4.0, 25.0);
    }

    [Theory]
    [InlineData(SyntheticShape.Netflix)]
    [InlineData(SyntheticShape.KoNViD)]
    public void Vmaf_IsADeterministicFunctionOfTheSixFeatures_WithoutLabelNoise(SyntheticShape shape)
    {
        var data = SyntheticCorpus.Generate(shape, 2000, 5);
        Span<double> x = stackalloc double[6];
        for (var r = 0; r < data.Rows; r++)
        {
            for (var f = 0; f < 6; f++) x[f] = data.Features[f][r];
            Assert.Equal(VmafLikeTeacher.Score(x), data.Target[r]);
        }
    }

    [Fact]
    public void Vmaf_IsMostlyExplainedByTheFeatures()
    {
        var data = SyntheticCorpus.Generate(SyntheticShape.Netflix, 0);
        // adm2 alone already correlates strongly with the teacher (the MLPs reach PLCC > 0.99 on all six).
        var plcc = Pearson(data.Features[0], data.Target);

        Assert.True(plcc > 0.8, $"PLCC(adm2, vmaf) = {plcc}");
    }

    [Fact]
    public void Generate_Rejects_TooFewRows() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticCorpus.Generate(SyntheticShape.Netflix, 199, 0));

    [Fact]
    public void WriteParquet_WritesIdenticalBytes_WhenCalledTwice()
    {
        var data = SyntheticCorpus.Generate(SyntheticShape.KoNViD, 60_000, 9);
        var a = Path.Combine(_dir.FullName, "a.parquet");
        var b = Path.Combine(_dir.FullName, "b.parquet");

        SyntheticCorpus.WriteParquet(data, a);
        SyntheticCorpus.WriteParquet(SyntheticCorpus.Generate(SyntheticShape.KoNViD, 60_000, 9), b);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(a)), SHA256.HashData(File.ReadAllBytes(b)));
        Assert.Single(_dir.GetFiles("a.parquet"));
        Assert.Empty(_dir.GetFiles("*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(SyntheticShape.Netflix)]
    [InlineData(SyntheticShape.KoNViD)]
    public void WriteParquet_ReadsBackToTheSameCorpus_AsToCorpus(SyntheticShape shape)
    {
        var data = SyntheticCorpus.Generate(shape, shape == SyntheticShape.KoNViD ? 120_000 : 11_040, 4);
        var path = Path.Combine(_dir.FullName, "c.parquet");
        SyntheticCorpus.WriteParquet(data, path);

        var read = new CorpusReader().Read(data.ToSpec(path));
        var inMemory = data.ToCorpus();

        Assert.Equal(inMemory.Fingerprint, read.Fingerprint);
        Assert.Equal(inMemory.Fingerprint.Sha256, read.Fingerprint.Sha256);
        Assert.Equal(inMemory.Features, read.Features);
        Assert.Equal(inMemory.Target, read.Target);
        Assert.Equal(inMemory.GroupNames, read.GroupNames);
        Assert.Equal(inMemory.GroupOfRow, read.GroupOfRow);
        Assert.Equal((data.Rows + SyntheticCorpus.RowGroupRows - 1) / SyntheticCorpus.RowGroupRows, read.ReadReport!.RowGroups);
        for (var i = 0; i < data.Rows; i += 997)
            Assert.Equal(data.Groups[i], read.GroupNames[read.GroupOfRow[i]]);
    }

    [Fact]
    public void WriteParquet_ReplacesAnExistingFileAtomically()
    {
        var path = Path.Combine(_dir.FullName, "d.parquet");
        File.WriteAllText(path, "old");

        SyntheticCorpus.WriteParquet(SyntheticCorpus.Generate(SyntheticShape.Netflix, 500, 0), path);

        Assert.Equal(500, new CorpusReader().Read(new CorpusSpec { Name = "d", Path = path }).Rows);
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
