namespace VmafTiny.Repro.Numpy;

/// <summary>
/// numpy's <c>SeedSequence</c> (numpy/random/bit_generator.pyx, 1.24) for a non-negative integer
/// entropy and no spawn key: pool of 4 uint32 words, hashmix/mix entropy mixing, and
/// <c>generate_state</c> as uint64 words.
/// </summary>
internal sealed class SeedSequence
{
    private const int PoolSize = 4;
    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    private readonly uint[] _pool = new uint[PoolSize];

    public SeedSequence(ulong entropy)
    {
        MixEntropy(ToUInt32Words(entropy));
    }

    /// <summary>The mixed pool (for tests).</summary>
    public IReadOnlyList<uint> Pool => _pool;

    /// <summary>numpy <c>generate_state(nWords, np.uint64)</c>.</summary>
    public ulong[] GenerateState64(int nWords)
    {
        var words32 = new uint[nWords * 2];
        var hashConst = InitB;
        for (var i = 0; i < words32.Length; i++)
        {
            var value = _pool[i % PoolSize];
            value ^= hashConst;
            hashConst *= MultB;
            value *= hashConst;
            value ^= value >> XShift;
            words32[i] = value;
        }

        // Viewing the uint32 array as uint64 on a little-endian machine.
        var state = new ulong[nWords];
        for (var i = 0; i < nWords; i++)
            state[i] = words32[2 * i] | ((ulong)words32[(2 * i) + 1] << 32);
        return state;
    }

    /// <summary>numpy <c>_int_to_uint32_array</c>: little-endian 32-bit words, 0 gives [0].</summary>
    internal static uint[] ToUInt32Words(ulong value)
    {
        if (value == 0)
            return [0u];
        var words = new List<uint>(2);
        while (value > 0)
        {
            words.Add((uint)value);
            value >>= 32;
        }
        return [.. words];
    }

    private void MixEntropy(uint[] entropy)
    {
        var hashConst = InitA;
        for (var i = 0; i < PoolSize; i++)
            _pool[i] = HashMix(i < entropy.Length ? entropy[i] : 0u, ref hashConst);

        for (var src = 0; src < PoolSize; src++)
        {
            for (var dst = 0; dst < PoolSize; dst++)
            {
                if (src != dst)
                    _pool[dst] = Mix(_pool[dst], HashMix(_pool[src], ref hashConst));
            }
        }

        for (var src = PoolSize; src < entropy.Length; src++)
        {
            for (var dst = 0; dst < PoolSize; dst++)
                _pool[dst] = Mix(_pool[dst], HashMix(entropy[src], ref hashConst));
        }
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        value ^= value >> XShift;
        return value;
    }

    private static uint Mix(uint x, uint y)
    {
        var result = (MixMultL * x) - (MixMultR * y);
        result ^= result >> XShift;
        return result;
    }
}
