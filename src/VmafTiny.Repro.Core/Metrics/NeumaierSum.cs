namespace VmafTiny.Repro.Metrics;

/// <summary>
/// Compensated (Kahan-Babuska-Neumaier) summation: the error of a long sum stays at the level of
/// one rounding, so means and dot products agree with numpy's pairwise sums to ~1e-15 relative.
/// </summary>
internal struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    public void Add(double value)
    {
        var t = _sum + value;
        if (Math.Abs(_sum) >= Math.Abs(value))
            _compensation += (_sum - t) + value;
        else
            _compensation += (value - t) + _sum;
        _sum = t;
    }

    public readonly double Value => _sum + _compensation;

    public static double Of(ReadOnlySpan<double> values)
    {
        var s = default(NeumaierSum);
        foreach (var v in values)
            s.Add(v);
        return s.Value;
    }
}
