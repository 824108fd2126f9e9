using VmafTiny.Repro.Numpy;

namespace VmafTiny.Repro.Tests.Numpy;

public sealed class SeedSequenceTests
{
    [Theory]
    [InlineData(0UL, new uint[] { 0 })]
    [InlineData(1UL, new uint[] { 1 })]
    [InlineData(20261126UL, new uint[] { 20261126 })]
    [InlineData(0xFFFFFFFFUL, new uint[] { 0xFFFFFFFF })]
    [InlineData(0x1_0000_0002UL, new uint[] { 2, 1 })]
    public void ToUInt32Words_SplitsLittleEndian_AndMapsZeroToOneWord(ulong seed, uint[] expected)
    {
        Assert.Equal(expected, SeedSequence.ToUInt32Words(seed));
    }

    [Fact]
    public void GenerateState64_IsDeterministic_AndDiffersBetweenSeeds()
    {
        var a = new SeedSequence(0).GenerateState64(4);
        var b = new SeedSequence(0).GenerateState64(4);
        var c = new SeedSequence(1).GenerateState64(4);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(4, a.Length);
    }

    [Fact]
    public void Generator_AcceptsSeedsBeyond32Bits()
    {
        // Seed 2^32 is the entropy [0, 1]: the high word must take part in the mixing.
        var wide = new NumpyGenerator(0x1_0000_0000L).Permutation(50);
        var narrow = new NumpyGenerator(0).Permutation(50);
        Assert.NotEqual(narrow, wide);
    }
}

public sealed class Pcg64Tests
{
    private static readonly UInt128 Multiplier = new(0x2360ED051FC65DA4UL, 0x4385DF649FCCF645UL);

    [Theory]
    [InlineData(0L)]
    [InlineData(4L)]
    [InlineData(20261126L)]
    public void NextUInt64_MatchesAUInt128Reference(long seed)
    {
        var words = new SeedSequence((ulong)seed).GenerateState64(4);
        var pcg = new Pcg64(words);

        // Reference: pcg_setseq_128_srandom_r and XSL-RR written with System.UInt128.
        var inc = (new UInt128(words[2], words[3]) << 1) | 1;
        var state = (UInt128.Zero * Multiplier) + inc;
        state += new UInt128(words[0], words[1]);
        state = (state * Multiplier) + inc;
        Assert.Equal(state, pcg.State);

        for (var i = 0; i < 1000; i++)
        {
            state = (state * Multiplier) + inc;
            var high = (ulong)(state >> 64);
            var expected = ulong.RotateRight(high ^ (ulong)state, (int)(high >> 58));
            Assert.Equal(expected, pcg.NextUInt64());
        }
    }

    [Fact]
    public void NextUInt32_ReturnsLowHalfThenBufferedHighHalf()
    {
        var words = new SeedSequence(0).GenerateState64(4);
        var wide = new Pcg64(words).NextUInt64();
        var narrow = new Pcg64(words);
        Assert.Equal((uint)wide, narrow.NextUInt32());
        Assert.Equal((uint)(wide >> 32), narrow.NextUInt32());
    }
}
