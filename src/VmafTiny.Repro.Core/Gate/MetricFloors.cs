namespace VmafTiny.Repro.Gate;

/// <summary>
/// The smallest change of each metric's overall mean that the gate may call a regression (or an
/// improvement): the band is never narrower than the floor, and the paired test only counts
/// when the shift exceeds it.
/// </summary>
/// <remarks>
/// Defaults, and why:
/// <list type="bullet">
/// <item><b>PLCC, SROCC 1e-4.</b> Above what is not a model change: float32 evaluation rounding
/// moves a correlation near 0.999 by about 1e-6, and re-running the same recipe on another BLAS or
/// thread count re-draws the training noise, which the k × across-seed-std band already absorbs.
/// Below what matters: the published mlp_large → mlp_medium gap on Netflix LOSO is 2.5e-4
/// (0.99892 vs 0.99867) and KoNViD's across-seed std is about 1.3e-5, so a floor of 5e-4 would let a
/// whole architecture's worth of accuracy disappear unnoticed; 1e-4 flags a consistent shift of
/// that size through the paired test even where the band is wide.</item>
/// <item><b>KROCC 2e-4.</b> Kendall's tau is about 1.5–2 × as sensitive as Spearman's rho to the
/// same re-ordering near the top of the scale, so its floor is doubled.</item>
/// <item><b>RMSE 0.02</b> (VMAF points, 0–100 scale). Far below a just-noticeable difference
/// (several VMAF points) and below the published across-seed std (0.066–0.089) and the
/// mlp_medium → mlp_large gap (0.156), but above float rounding of the predictions.</item>
/// </list>
/// </remarks>
public sealed record MetricFloors(double Plcc, double Srocc, double Krocc, double Rmse)
{
    /// <summary>PLCC 1e-4, SROCC 1e-4, KROCC 2e-4, RMSE 0.02 (see the remarks for why).</summary>
    public static MetricFloors Default { get; } = new(1e-4, 1e-4, 2e-4, 0.02);

    /// <summary>The floor of one metric.</summary>
    public double For(Metric metric) => metric switch
    {
        Metric.Plcc => Plcc,
        Metric.Srocc => Srocc,
        Metric.Krocc => Krocc,
        Metric.Rmse => Rmse,
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    /// <summary>A copy with the floors present in <paramref name="overrides"/> replaced.</summary>
    public MetricFloors With(IReadOnlyDictionary<Metric, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new MetricFloors(
            overrides.GetValueOrDefault(Metric.Plcc, Plcc),
            overrides.GetValueOrDefault(Metric.Srocc, Srocc),
            overrides.GetValueOrDefault(Metric.Krocc, Krocc),
            overrides.GetValueOrDefault(Metric.Rmse, Rmse));
    }
}
