using System.Globalization;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Gate;

/// <summary>The k, alpha and floors that apply to one (corpus, arch) pair.</summary>
public sealed record EffectivePolicy(double K, double Alpha, MetricFloors Floors);

/// <summary>
/// How strict the gate is: the band multiplier <see cref="K"/> (band = max(k × baseline
/// across-seed std, floor)), the family-wise error rate <see cref="Alpha"/> of the paired tests
/// (Holm-Bonferroni over all checks of one report), the <see cref="Floors"/>, and per-pair
/// <see cref="Overrides"/>.
/// </summary>
/// <remarks>
/// Default k = 3: with 5 seeds, a fresh overall mean is itself an average of 5 seed means, so an
/// unchanged recipe that merely re-draws its training noise moves the mean by about
/// 0.63 × the across-seed std (√(2/5)); 3 × std keeps false alarms rare even with a noisy std
/// estimate from 5 values. Default alpha = 0.05 family-wise. Floors: see <see cref="MetricFloors"/>.
/// </remarks>
public sealed record GatePolicy
{
    public const double DefaultK = 3;
    public const double DefaultAlpha = 0.05;

    /// <summary>Band multiplier of the baseline's across-seed std.</summary>
    public double K { get; init; } = DefaultK;

    /// <summary>Family-wise significance level of the Holm-adjusted paired tests.</summary>
    public double Alpha { get; init; } = DefaultAlpha;

    public MetricFloors Floors { get; init; } = MetricFloors.Default;

    public IReadOnlyList<PolicyOverride> Overrides { get; init; } = [];

    /// <summary>k = 3, alpha = 0.05, <see cref="MetricFloors.Default"/>.</summary>
    public static GatePolicy Default { get; } = new();

    /// <summary>
    /// The policy of one pair: the overrides that match, in order, then <paramref name="kOverride"/>
    /// (the command line's --k), which wins over every configured k.
    /// </summary>
    public EffectivePolicy For(string corpus, string arch, double? kOverride = null)
    {
        var k = K;
        var floors = Floors;
        foreach (var o in Overrides.Where(o => o.Matches(corpus, arch)))
        {
            if (o.K is { } ok) k = ok;
            floors = floors.With(o.Floors);
        }
        if (kOverride is { } cli) k = cli;
        return new EffectivePolicy(k, Alpha, floors);
    }

    /// <summary>Throws VMR3106 when k ≤ 0, alpha ∉ (0, 1) or a floor is negative (here or in an override).</summary>
    public void Validate(string? file = null)
    {
        void Fail(string what) => throw new ReproException("VMR3106", $"invalid gate policy: {what}",
            "Use a finite k > 0, 0 < alpha < 1 and finite floors ≥ 0 in the \"policy\" section.", ExitCodes.UsageOrInputError, file);

        if (!IsK(K)) Fail($"k = {K.ToString(CultureInfo.InvariantCulture)} must be > 0");
        if (!(Alpha > 0 && Alpha < 1)) Fail($"alpha = {Alpha.ToString(CultureInfo.InvariantCulture)} must be in (0, 1)");
        foreach (var m in MetricExtensions.All)
            if (!IsFloor(Floors.For(m))) Fail($"floor of {m.Key()} = {Floors.For(m).ToString(CultureInfo.InvariantCulture)} must be finite and ≥ 0");
        foreach (var o in Overrides)
        {
            var who = $"override for corpus '{o.Corpus ?? "*"}', arch '{o.Arch ?? "*"}'";
            if (o.K is { } k && !IsK(k)) Fail($"{who}: k = {k.ToString(CultureInfo.InvariantCulture)} must be > 0");
            foreach (var (m, v) in o.Floors)
                if (!IsFloor(v)) Fail($"{who}: floor of {m.Key()} = {v.ToString(CultureInfo.InvariantCulture)} must be finite and ≥ 0");
        }
    }

    /// <summary>A usable k: finite and &gt; 0 (NaN would make every band NaN, and every pair pass).</summary>
    public static bool IsK(double k) => k > 0 && double.IsFinite(k);

    /// <summary>A usable floor: finite and ≥ 0 (an infinite floor would never let a metric regress).</summary>
    public static bool IsFloor(double floor) => floor >= 0 && double.IsFinite(floor);
}
