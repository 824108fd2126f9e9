using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Torch.Fused;

/// <summary>The fused engine's SIMD paths; all produce the same bits (see <see cref="IVec16{TSelf}"/>).</summary>
public enum SimdPath
{
    /// <summary>Sixteen scalars, <c>MathF.FusedMultiplyAdd</c>.</summary>
    Portable,
    /// <summary>Four Vector128 (SSE + FMA on x64, AdvSimd on Arm64).</summary>
    V128,
    /// <summary>Two Vector256 (AVX2 + FMA).</summary>
    Avx2,
    /// <summary>One Vector512 (AVX-512F).</summary>
    Avx512,
}

/// <summary>Chooses the widest path this CPU runs natively, or checks a forced one.</summary>
public static class SimdPaths
{
    /// <summary>The option values, e.g. for <c>--simd</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "avx512", "avx2", "v128", "portable"];

    /// <summary>Whether this CPU runs <paramref name="path"/> natively.</summary>
    public static bool IsSupported(SimdPath path) => path switch
    {
        SimdPath.Avx512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        SimdPath.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        SimdPath.V128 => (Sse2.IsSupported && Fma.IsSupported) || AdvSimd.Arm64.IsSupported,
        _ => true,
    };

    /// <summary>The widest supported path.</summary>
    public static SimdPath Best { get; } =
        new[] { SimdPath.Avx512, SimdPath.Avx2, SimdPath.V128 }.FirstOrDefault(IsSupported, SimdPath.Portable);

    /// <summary>Every path this CPU runs natively, widest first.</summary>
    public static IReadOnlyList<SimdPath> Supported { get; } =
        new[] { SimdPath.Avx512, SimdPath.Avx2, SimdPath.V128, SimdPath.Portable }.Where(IsSupported).ToList();

    /// <summary>"avx512", "avx2", "v128", "portable".</summary>
    public static string Name(SimdPath path) => path.ToString().ToLowerInvariant();

    /// <summary>Parses an option value ("auto" or a path name); a path this CPU cannot run is refused (exit 2).</summary>
    public static SimdPath Resolve(string? name)
    {
        if (string.IsNullOrEmpty(name) || name == "auto") return Best;
        var path = Enum.GetValues<SimdPath>().Where(p => Name(p) == name).Cast<SimdPath?>().FirstOrDefault()
            ?? throw new ReproException("VMR3120", $"unknown SIMD path '{name}'", $"Use one of: {string.Join(", ", Names)}.", ExitCodes.UsageOrInputError);
        if (!IsSupported(path))
            throw new ReproException("VMR3121", $"this CPU does not run the {Name(path)} SIMD path (it runs: {string.Join(", ", Supported.Select(Name))})",
                "Choose a narrower path with --simd, or leave it at auto.", ExitCodes.UsageOrInputError);
        return path;
    }
}
