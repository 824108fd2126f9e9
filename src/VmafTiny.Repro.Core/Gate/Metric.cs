using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>The metrics the gate compares. PLCC, SROCC and KROCC: higher is better; RMSE: lower is better.</summary>
public enum Metric
{
    Plcc,
    Srocc,
    Krocc,
    Rmse,
}

/// <summary>Names, directions and cell access of <see cref="Metric"/>.</summary>
public static class MetricExtensions
{
    /// <summary>Every metric in report order.</summary>
    public static IReadOnlyList<Metric> All { get; } = [Metric.Plcc, Metric.Srocc, Metric.Krocc, Metric.Rmse];

    /// <summary>The JSON key, e.g. <c>plcc</c>.</summary>
    public static string Key(this Metric metric) => metric switch
    {
        Metric.Plcc => "plcc",
        Metric.Srocc => "srocc",
        Metric.Krocc => "krocc",
        Metric.Rmse => "rmse",
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    /// <summary>True for correlations (up is good), false for RMSE (down is good).</summary>
    public static bool HigherIsBetter(this Metric metric) => metric != Metric.Rmse;

    /// <summary>The value of <paramref name="metric"/> in a cell; null when the cell does not carry it (KROCC in Python files).</summary>
    public static double? ValueIn(this Metric metric, CellMetrics cell) => metric switch
    {
        Metric.Plcc => cell.Plcc,
        Metric.Srocc => cell.Srocc,
        Metric.Krocc => cell.Krocc,
        Metric.Rmse => cell.Rmse,
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    /// <summary>
    /// Turns a change <c>fresh − baseline</c> into a change in the bad direction: positive means worse.
    /// </summary>
    public static double BadDirection(this Metric metric, double delta) => metric.HigherIsBetter() ? -delta : delta;
}
