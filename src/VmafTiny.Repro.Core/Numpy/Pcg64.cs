using System.Runtime.CompilerServices;

namespace VmafTiny.Repro.Numpy;

/// <summary>
/// numpy's <c>PCG64</c> bit generator (PCG XSL-RR 128/64, numpy/random/src/pcg64), including the
/// buffered 32-bit output that numpy's <c>next_uint32</c> uses.
/// </summary>
internal sealed class Pcg64
{
    private const ulong MultiplierHigh = 0x2360ED051FC65DA4UL;
    private const ulong MultiplierLow = 0x4385DF649FCCF645UL;

    // The 128-bit state and increment as two halves: the step is the hot loop of every permutation,
    // and one Math.BigMul plus two wrapping products avoids the UInt128 operator calls.
    // Bit-for-bit the same as state = state * M + inc (mod 2^128); Pcg64Tests check that.
    private ulong _stateHigh;
    private ulong _stateLow;
    private readonly ulong _incHigh;
    private readonly ulong _incLow;
    private bool _hasUInt32;
    private uint _uinteger;

    /// <summary>Seeds from four uint64 words of <c>SeedSequence.generate_state(4, uint64)</c>.</summary>
    public Pcg64(ReadOnlySpan<ulong> seedWords)
    {
        if (seedWords.Length != 4)
            throw new ArgumentException("PCG64 needs exactly 4 seed words.", nameof(seedWords));

        // pcg64_set_seed: word 0 is the high half, word 1 the low half (same for the increment).
        var initState = new UInt128(seedWords[0], seedWords[1]);
        var initSeq = new UInt128(seedWords[2], seedWords[3]);

        // pcg_setseq_128_srandom_r: state = 0, inc = initseq << 1 | 1, step, state += initstate, step.
        var increment = (initSeq << 1) | UInt128.One;
        _incHigh = (ulong)(increment >> 64);
        _incLow = (ulong)increment;
        Step();
        var state = new UInt128(_stateHigh, _stateLow) + initState;
        _stateHigh = (ulong)(state >> 64);
        _stateLow = (ulong)state;
        Step();
    }

    /// <summary>The 128-bit state (for tests).</summary>
    internal UInt128 State => new(_stateHigh, _stateLow);

    /// <summary>The next 64-bit output: advance, then XSL-RR of the new state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        Step();
        return ulong.RotateRight(_stateHigh ^ _stateLow, (int)(_stateHigh >> 58));
    }

    /// <summary>numpy <c>pcg64_next32</c>: low half of a fresh 64-bit output, the high half kept for the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _uinteger;
        }
        var next = NextUInt64();
        _hasUInt32 = true;
        _uinteger = (uint)(next >> 32);
        return (uint)next;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step()
    {
        var high = Math.BigMul(_stateLow, MultiplierLow, out var low);
        high += (_stateLow * MultiplierHigh) + (_stateHigh * MultiplierLow);
        var newLow = low + _incLow;
        high += _incHigh + (newLow < low ? 1UL : 0UL);
        _stateHigh = high;
        _stateLow = newLow;
    }
}
