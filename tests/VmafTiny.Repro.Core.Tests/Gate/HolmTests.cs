using VmafTiny.Repro.Gate.Stats;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class HolmTests
{
    [Fact]
    public void Adjust_MultipliesByRemainingCountAndKeepsInputOrder()
    {
        // Sorted: 0.01 (x4 = 0.04), 0.02 (x3 = 0.06), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04 -> monotone 0.06).
        var adjusted = Holm.Adjust([0.03, 0.01, 0.04, 0.02]);
        Assert.Equal([0.06, 0.04, 0.06, 0.06], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Adjust_EnforcesMonotonicityAndCapsAtOne()
    {
        // Sorted: 0.001 (x3 = 0.003), 0.04 (x2 = 0.08), 0.6 (x1 = 0.6).
        var adjusted = Holm.Adjust([0.6, 0.001, 0.04]);
        Assert.Equal([0.6, 0.003, 0.08], adjusted.Select(p => Math.Round(p, 12)));
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.7, 0.9]));
    }

    [Fact]
    public void Adjust_LeavesNaNOutOfTheFamily()
    {
        var adjusted = Holm.Adjust([0.01, double.NaN, 0.02]);
        Assert.Equal(0.02, adjusted[0], 12);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.02, adjusted[2], 12);
    }
}
