using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>
/// Sixteen float32 lanes — sixteen consecutive batch rows — whatever the hardware's vector width.
/// Every kernel of the fused engine is written once against this interface, and every lane is an
/// independent scalar computation (FMA, IEEE add/sub/mul/div/sqrt, exactly rounded), so the
/// AVX-512, AVX2 + FMA, 128-bit (SSE + FMA or Arm64 AdvSimd) and portable paths produce the same
/// bits. The only cross-lane operation, <see cref="Sum"/>, reduces in one fixed order: the halving
/// tree (lane j + lane j+8, then j + j+4, then j + j+2, then 0 + 1).
/// </summary>
internal interface IVec16<TSelf> where TSelf : struct, IVec16<TSelf>
{
    static abstract TSelf Zero { get; }
    static abstract TSelf Broadcast(float value);
    static abstract TSelf Load(ref float source);
    static abstract void Store(TSelf value, ref float destination);
    /// <summary>a·b + c, rounded once.</summary>
    static abstract TSelf Fma(TSelf a, TSelf b, TSelf c);
    static abstract TSelf Add(TSelf a, TSelf b);
    static abstract TSelf Subtract(TSelf a, TSelf b);
    static abstract TSelf Multiply(TSelf a, TSelf b);
    static abstract TSelf Divide(TSelf a, TSelf b);
    static abstract TSelf Sqrt(TSelf a);
    /// <summary>Lane-wise <c>gate &gt; 0 ? value : 0</c> (ReLU when value = gate; NaN gates give 0).</summary>
    static abstract TSelf WherePositive(TSelf gate, TSelf value);
    /// <summary>The lanes' sum in the fixed halving-tree order.</summary>
    static abstract float Sum(TSelf value);

    /// <summary>Four <see cref="Sum"/>s stored at <paramref name="destination"/>[0..3], bit for bit the same (vector paths transpose to share the work).</summary>
    static virtual void Sum4(TSelf a0, TSelf a1, TSelf a2, TSelf a3, ref float destination)
    {
        destination = TSelf.Sum(a0);
        Unsafe.Add(ref destination, 1) = TSelf.Sum(a1);
        Unsafe.Add(ref destination, 2) = TSelf.Sum(a2);
        Unsafe.Add(ref destination, 3) = TSelf.Sum(a3);
    }
}

/// <summary>One Vector512 (AVX-512F).</summary>
internal readonly struct Vec16Avx512 : IVec16<Vec16Avx512>
{
    private readonly Vector512<float> _v;
    private Vec16Avx512(Vector512<float> v) => _v = v;

    public static Vec16Avx512 Zero => default;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Broadcast(float value) => new(Vector512.Create(value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Load(ref float source) => new(Vector512.LoadUnsafe(ref source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vec16Avx512 value, ref float destination) => value._v.StoreUnsafe(ref destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Fma(Vec16Avx512 a, Vec16Avx512 b, Vec16Avx512 c) => new(Vector512.FusedMultiplyAdd(a._v, b._v, c._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Add(Vec16Avx512 a, Vec16Avx512 b) => new(a._v + b._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Subtract(Vec16Avx512 a, Vec16Avx512 b) => new(a._v - b._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Multiply(Vec16Avx512 a, Vec16Avx512 b) => new(a._v * b._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Divide(Vec16Avx512 a, Vec16Avx512 b) => new(a._v / b._v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx512 Sqrt(Vec16Avx512 a) => new(Vector512.Sqrt(a._v));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec16Avx512 WherePositive(Vec16Avx512 gate, Vec16Avx512 value) =>
        new(Vector512.ConditionalSelect(Vector512.GreaterThan(gate._v, Vector512<float>.Zero), value._v, Vector512<float>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vec16Avx512 value) => Vec16Tree.Sum8(value._v.GetLower() + value._v.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum4(Vec16Avx512 a0, Vec16Avx512 a1, Vec16Avx512 a2, Vec16Avx512 a3, ref float destination)
    {
        if (!Avx512F.IsSupported)
        {
            destination = Sum(a0); Unsafe.Add(ref destination, 1) = Sum(a1); Unsafe.Add(ref destination, 2) = Sum(a2); Unsafe.Add(ref destination, 3) = Sum(a3);
            return;
        }
        // Level 1 (j + j+8): lanes 0-7 of t01 are a0's, 8-15 a1's.
        var t01 = Avx512F.Shuffle4x128(a0._v, a1._v, 0b01_00_01_00) + Avx512F.Shuffle4x128(a0._v, a1._v, 0b11_10_11_10);
        var t23 = Avx512F.Shuffle4x128(a2._v, a3._v, 0b01_00_01_00) + Avx512F.Shuffle4x128(a2._v, a3._v, 0b11_10_11_10);
        // Level 2 (j + j+4): 128-bit lane q holds a_q's four partials.
        var w = Avx512F.Shuffle4x128(t01, t23, 0b10_00_10_00) + Avx512F.Shuffle4x128(t01, t23, 0b11_01_11_01);
        // Levels 3 and 4 inside each 128-bit lane: (e0 + e2) + (e1 + e3) lands in element 0.
        var x = w + Avx512F.Permute4x32(w, 0b01_00_11_10);
        var y = x + Avx512F.Permute4x32(x, 0b10_11_00_01);
        destination = y.GetElement(0);
        Unsafe.Add(ref destination, 1) = y.GetElement(4);
        Unsafe.Add(ref destination, 2) = y.GetElement(8);
        Unsafe.Add(ref destination, 3) = y.GetElement(12);
    }
}

/// <summary>Two Vector256 (AVX2 + FMA): lanes 0-7 and 8-15.</summary>
internal readonly struct Vec16Avx2 : IVec16<Vec16Avx2>
{
    private readonly Vector256<float> _lo;
    private readonly Vector256<float> _hi;
    private Vec16Avx2(Vector256<float> lo, Vector256<float> hi) { _lo = lo; _hi = hi; }

    public static Vec16Avx2 Zero => default;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx2 Broadcast(float value) { var v = Vector256.Create(value); return new(v, v); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx2 Load(ref float source) => new(Vector256.LoadUnsafe(ref source), Vector256.LoadUnsafe(ref source, 8));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec16Avx2 value, ref float destination) { value._lo.StoreUnsafe(ref destination); value._hi.StoreUnsafe(ref destination, 8); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec16Avx2 Fma(Vec16Avx2 a, Vec16Avx2 b, Vec16Avx2 c) => new(Vector256.FusedMultiplyAdd(a._lo, b._lo, c._lo), Vector256.FusedMultiplyAdd(a._hi, b._hi, c._hi));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx2 Add(Vec16Avx2 a, Vec16Avx2 b) => new(a._lo + b._lo, a._hi + b._hi);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx2 Subtract(Vec16Avx2 a, Vec16Avx2 b) => new(a._lo - b._lo, a._hi - b._hi);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx2 Multiply(Vec16Avx2 a, Vec16Avx2 b) => new(a._lo * b._lo, a._hi * b._hi);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx2 Divide(Vec16Avx2 a, Vec16Avx2 b) => new(a._lo / b._lo, a._hi / b._hi);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16Avx2 Sqrt(Vec16Avx2 a) => new(Vector256.Sqrt(a._lo), Vector256.Sqrt(a._hi));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec16Avx2 WherePositive(Vec16Avx2 gate, Vec16Avx2 value) =>
        new(Vector256.ConditionalSelect(Vector256.GreaterThan(gate._lo, Vector256<float>.Zero), value._lo, Vector256<float>.Zero),
            Vector256.ConditionalSelect(Vector256.GreaterThan(gate._hi, Vector256<float>.Zero), value._hi, Vector256<float>.Zero));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(Vec16Avx2 value) => Vec16Tree.Sum8(value._lo + value._hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sum4(Vec16Avx2 a0, Vec16Avx2 a1, Vec16Avx2 a2, Vec16Avx2 a3, ref float destination)
    {
        if (!Avx.IsSupported)
        {
            destination = Sum(a0); Unsafe.Add(ref destination, 1) = Sum(a1); Unsafe.Add(ref destination, 2) = Sum(a2); Unsafe.Add(ref destination, 3) = Sum(a3);
            return;
        }
        // Level 1 (j + j+8), then level 2 (j + j+4) with 128-bit halves of two accumulators side by side.
        Vector256<float> s0 = a0._lo + a0._hi, s1 = a1._lo + a1._hi, s2 = a2._lo + a2._hi, s3 = a3._lo + a3._hi;
        var w01 = Avx.Permute2x128(s0, s1, 0x20) + Avx.Permute2x128(s0, s1, 0x31);
        var w23 = Avx.Permute2x128(s2, s3, 0x20) + Avx.Permute2x128(s2, s3, 0x31);
        // Levels 3 and 4 inside each 128-bit lane.
        var x01 = w01 + Avx.Permute(w01, 0b01_00_11_10);
        var x23 = w23 + Avx.Permute(w23, 0b01_00_11_10);
        var y01 = x01 + Avx.Permute(x01, 0b10_11_00_01);
        var y23 = x23 + Avx.Permute(x23, 0b10_11_00_01);
        destination = y01.GetElement(0);
        Unsafe.Add(ref destination, 1) = y01.GetElement(4);
        Unsafe.Add(ref destination, 2) = y23.GetElement(0);
        Unsafe.Add(ref destination, 3) = y23.GetElement(4);
    }
}

/// <summary>Four Vector128 (SSE + FMA on x64, AdvSimd on Arm64): lanes 0-3, 4-7, 8-11, 12-15.</summary>
internal readonly struct Vec16V128 : IVec16<Vec16V128>
{
    private readonly Vector128<float> _a;
    private readonly Vector128<float> _b;
    private readonly Vector128<float> _c;
    private readonly Vector128<float> _d;
    private Vec16V128(Vector128<float> a, Vector128<float> b, Vector128<float> c, Vector128<float> d) { _a = a; _b = b; _c = c; _d = d; }

    public static Vec16V128 Zero => default;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16V128 Broadcast(float value) { var v = Vector128.Create(value); return new(v, v, v, v); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec16V128 Load(ref float s) => new(Vector128.LoadUnsafe(ref s), Vector128.LoadUnsafe(ref s, 4), Vector128.LoadUnsafe(ref s, 8), Vector128.LoadUnsafe(ref s, 12));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vec16V128 v, ref float d) { v._a.StoreUnsafe(ref d); v._b.StoreUnsafe(ref d, 4); v._c.StoreUnsafe(ref d, 8); v._d.StoreUnsafe(ref d, 12); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec16V128 Fma(Vec16V128 a, Vec16V128 b, Vec16V128 c) => new(Vector128.FusedMultiplyAdd(a._a, b._a, c._a), Vector128.FusedMultiplyAdd(a._b, b._b, c._b),
        Vector128.FusedMultiplyAdd(a._c, b._c, c._c), Vector128.FusedMultiplyAdd(a._d, b._d, c._d));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16V128 Add(Vec16V128 a, Vec16V128 b) => new(a._a + b._a, a._b + b._b, a._c + b._c, a._d + b._d);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16V128 Subtract(Vec16V128 a, Vec16V128 b) => new(a._a - b._a, a._b - b._b, a._c - b._c, a._d - b._d);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16V128 Multiply(Vec16V128 a, Vec16V128 b) => new(a._a * b._a, a._b * b._b, a._c * b._c, a._d * b._d);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vec16V128 Divide(Vec16V128 a, Vec16V128 b) => new(a._a / b._a, a._b / b._b, a._c / b._c, a._d / b._d);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec16V128 Sqrt(Vec16V128 a) => new(Vector128.Sqrt(a._a), Vector128.Sqrt(a._b), Vector128.Sqrt(a._c), Vector128.Sqrt(a._d));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec16V128 WherePositive(Vec16V128 g, Vec16V128 v) => new(Pos(g._a, v._a), Pos(g._b, v._b), Pos(g._c, v._c), Pos(g._d, v._d));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Pos(Vector128<float> g, Vector128<float> v) => Vector128.ConditionalSelect(Vector128.GreaterThan(g, Vector128<float>.Zero), v, Vector128<float>.Zero);
    // Level 1 of the tree (j + j+8) is (a + c, b + d); level 2 (j + j+4) adds those two.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static float Sum(Vec16V128 v) => Vec16Tree.Sum4((v._a + v._c) + (v._b + v._d));
}

/// <summary>Sixteen scalars: the portable path, <see cref="MathF.FusedMultiplyAdd"/> for every FMA.</summary>
internal struct Vec16Portable : IVec16<Vec16Portable>
{
    private Lanes _l;

    [InlineArray(16)]
    private struct Lanes { private float _e; }

    public static Vec16Portable Zero => default;
    public static Vec16Portable Broadcast(float value) { var r = default(Vec16Portable); ((Span<float>)r._l).Fill(value); return r; }
    public static Vec16Portable Load(ref float source) { var r = default(Vec16Portable); for (var i = 0; i < 16; i++) r._l[i] = Unsafe.Add(ref source, i); return r; }
    public static void Store(Vec16Portable value, ref float destination) { for (var i = 0; i < 16; i++) Unsafe.Add(ref destination, i) = value._l[i]; }
    public static Vec16Portable Fma(Vec16Portable a, Vec16Portable b, Vec16Portable c) { for (var i = 0; i < 16; i++) c._l[i] = MathF.FusedMultiplyAdd(a._l[i], b._l[i], c._l[i]); return c; }
    public static Vec16Portable Add(Vec16Portable a, Vec16Portable b) { for (var i = 0; i < 16; i++) a._l[i] += b._l[i]; return a; }
    public static Vec16Portable Subtract(Vec16Portable a, Vec16Portable b) { for (var i = 0; i < 16; i++) a._l[i] -= b._l[i]; return a; }
    public static Vec16Portable Multiply(Vec16Portable a, Vec16Portable b) { for (var i = 0; i < 16; i++) a._l[i] *= b._l[i]; return a; }
    public static Vec16Portable Divide(Vec16Portable a, Vec16Portable b) { for (var i = 0; i < 16; i++) a._l[i] /= b._l[i]; return a; }
    public static Vec16Portable Sqrt(Vec16Portable a) { for (var i = 0; i < 16; i++) a._l[i] = MathF.Sqrt(a._l[i]); return a; }
    public static Vec16Portable WherePositive(Vec16Portable gate, Vec16Portable value) { for (var i = 0; i < 16; i++) value._l[i] = gate._l[i] > 0 ? value._l[i] : 0f; return value; }
    public static float Sum(Vec16Portable v)
    {
        Span<float> s = stackalloc float[8];
        for (var j = 0; j < 8; j++) s[j] = v._l[j] + v._l[j + 8];
        for (var j = 0; j < 4; j++) s[j] += s[j + 4];
        for (var j = 0; j < 2; j++) s[j] += s[j + 2];
        return s[0] + s[1];
    }
}

/// <summary>The lower levels of the halving tree, shared by the vector paths.</summary>
internal static class Vec16Tree
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum8(Vector256<float> s8) => Sum4(s8.GetLower() + s8.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum4(Vector128<float> s4) =>
        (s4.GetElement(0) + s4.GetElement(2)) + (s4.GetElement(1) + s4.GetElement(3));
}
