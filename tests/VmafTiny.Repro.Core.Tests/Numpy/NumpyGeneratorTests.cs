using System.Security.Cryptography;
using System.Text.Json;
using VmafTiny.Repro.Numpy;

namespace VmafTiny.Repro.Tests.Numpy;

public sealed class NumpyGeneratorTests
{
    private static readonly Lazy<JsonDocument> Vectors = new(() => JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "testvectors", "numpy_permutation.json"))));

    private static List<(long Seed, int N)> CaseKeys() =>
        Vectors.Value.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => (c.GetProperty("seed").GetInt64(), c.GetProperty("n").GetInt32())).ToList();

    public static TheoryData<long, int> Cases()
    {
        var data = new TheoryData<long, int>();
        foreach (var (seed, n) in CaseKeys())
            data.Add(seed, n);
        return data;
    }

    private static JsonElement Case(long seed, int n) =>
        Vectors.Value.RootElement.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("seed").GetInt64() == seed && c.GetProperty("n").GetInt32() == n);

    private static string Sha256Int64Le(long[] values)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    [Fact]
    public void Fixture_CoversEveryRecipeSeedAndTheLargeSize()
    {
        var cases = CaseKeys();
        Assert.Equal(54, cases.Count);
        foreach (var seed in new long[] { 0, 1, 2, 3, 4 })
            Assert.Contains((seed, 216045), cases);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Permutation_MatchesNumpyDefaultRng_ForThreeSuccessiveCalls(long seed, int n)
    {
        var expected = Case(seed, n).GetProperty("successive_permutations").EnumerateArray().ToList();
        Assert.Equal(3, expected.Count);
        var rng = new NumpyGenerator(seed);

        for (var call = 0; call < expected.Count; call++)
        {
            var perm = rng.Permutation(n);
            var e = expected[call];
            Assert.Equal(e.GetProperty("sha256_int64_le").GetString(), Sha256Int64Le(perm));

            var head = Longs(e.GetProperty("head"));
            Assert.Equal(head, perm.Take(head.Length));
            var tail = Longs(e.GetProperty("tail"));
            Assert.Equal(tail, perm.Skip(n - tail.Length));
            if (e.TryGetProperty("full", out var full))
                Assert.Equal(Longs(full), perm);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PermutationInt32_ProducesTheSameStreamAsPermutation(long seed, int n)
    {
        var wide = new NumpyGenerator(seed);
        var narrow = new NumpyGenerator(seed);
        for (var call = 0; call < 3; call++)
        {
            // Compared element by element: xunit's IEnumerable comparison of 216,045 boxed values takes seconds.
            var expected = wide.Permutation(n);
            var actual = narrow.PermutationInt32(n);
            Assert.Equal(expected.Length, actual.Length);
            var first = -1;
            for (var i = 0; i < n && first < 0; i++)
                if (expected[i] != actual[i]) first = i;
            Assert.True(first < 0, $"call {call}: first difference at index {first}");
        }
    }

    [Fact]
    public void PermutationInt32_AndPermutation_ShareOneStream_WhenInterleaved()
    {
        var expected = Case(0, 257).GetProperty("successive_permutations").EnumerateArray()
            .Select(e => Longs(e.GetProperty("full"))).ToList();
        var rng = new NumpyGenerator(0);

        Assert.Equal(expected[0], rng.PermutationInt32(257).Select(i => (long)i));
        Assert.Equal(expected[1], rng.Permutation(257));
        Assert.Equal(expected[2], rng.PermutationInt32(257).Select(i => (long)i));
    }

    [Fact]
    public void Permutation_IsAPermutationOfArange()
    {
        var perm = new NumpyGenerator(7).Permutation(10_000);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i), perm.Order());
    }

    [Fact]
    public void Permutation_OfZero_IsEmpty_AndDoesNotAdvanceTheStream()
    {
        var rng = new NumpyGenerator(0);
        Assert.Empty(rng.Permutation(0));
        Assert.Empty(rng.PermutationInt32(0));
        var first = Case(0, 7).GetProperty("successive_permutations")[0].GetProperty("full");
        Assert.Equal(Longs(first), rng.Permutation(7));
    }

    [Fact]
    public void Constructor_Throws_WhenSeedIsNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyGenerator(-1));
    }

    [Fact]
    public void Permutation_Throws_WhenSizeIsNegative()
    {
        var rng = new NumpyGenerator(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Permutation(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.PermutationInt32(-1));
    }

    [Fact]
    public void Seed_ReturnsTheConstructorSeed()
    {
        Assert.Equal(20261126L, new NumpyGenerator(20261126).Seed);
    }
}
