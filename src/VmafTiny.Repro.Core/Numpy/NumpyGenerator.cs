using System.Runtime.CompilerServices;

namespace VmafTiny.Repro.Numpy;

/// <summary>
/// A bit-exact port of <c>numpy.random.default_rng(seed)</c> (numpy 1.24: SeedSequence + PCG64)
/// for non-negative integer seeds, limited to what the training recipe needs:
/// <c>rng.permutation(n)</c>. Successive calls continue the same stream, exactly as successive
/// calls on one numpy <c>Generator</c> do. Not thread-safe.
/// </summary>
public sealed class NumpyGenerator
{
    private readonly Pcg64 _bitGenerator;

    /// <summary>Creates the equivalent of <c>numpy.random.default_rng(seed)</c>.</summary>
    /// <param name="seed">A non-negative integer seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="seed"/> is negative.</exception>
    public NumpyGenerator(long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        Seed = seed;
        _bitGenerator = new Pcg64(new SeedSequence((ulong)seed).GenerateState64(4));
    }

    /// <summary>The seed this generator was created with.</summary>
    public long Seed { get; }

    /// <summary><c>rng.permutation(n)</c>: <c>np.arange(n)</c> shuffled by <c>Generator.shuffle</c>, as int64.</summary>
    /// <param name="n">The number of elements; not negative.</param>
    public long[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var a = new long[n];
        for (var i = 0; i < n; i++)
            a[i] = i;
        Shuffle(a.AsSpan());
        return a;
    }

    /// <summary>
    /// The same permutation as <see cref="Permutation"/> (and the same advance of the stream),
    /// as int32 indices, which is what the trainer indexes rows with.
    /// </summary>
    /// <param name="n">The number of elements; not negative.</param>
    public int[] PermutationInt32(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var a = new int[n];
        for (var i = 0; i < n; i++)
            a[i] = i;
        Shuffle(a.AsSpan());
        return a;
    }

    /// <summary>
    /// <see cref="PermutationInt32"/> written into <paramref name="destination"/> (its length is n),
    /// without allocating: for training loops.
    /// </summary>
    public void PermutationInto(Span<int> destination)
    {
        for (var i = 0; i < destination.Length; i++)
            destination[i] = i;
        Shuffle(destination);
    }

    /// <summary>numpy <c>_shuffle_raw</c>: Fisher-Yates from the end with <c>random_interval</c>.</summary>
    private void Shuffle<T>(Span<T> a)
    {
        for (var i = a.Length - 1; i >= 1; i--)
        {
            var j = (int)RandomInterval((ulong)i);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    /// <summary>numpy <c>random_interval(max)</c>: a uniform value in [0, max] by masked rejection.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong RandomInterval(ulong max)
    {
        if (max == 0)
            return 0;

        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;

        ulong value;
        if (max <= 0xFFFFFFFFUL)
        {
            while ((value = _bitGenerator.NextUInt32() & mask) > max)
            {
            }
        }
        else
        {
            while ((value = _bitGenerator.NextUInt64() & mask) > max)
            {
            }
        }
        return value;
    }
}
