using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Core.Tests.Synthetic;

public sealed class DeterministicMathTests
{
    private static void AssertClose(double expected, double actual, double relative = 4e-16)
    {
        var tolerance = Math.Max(Math.Abs(expected) * relative, 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Exp_AgreesWithTheRuntimeToAFewUlp()
    {
        for (var x = -700.0; x <= 700.0; x += 0.37)
            AssertClose(Math.Exp(x), DeterministicMath.Exp(x), 1e-15);
        Assert.Equal(1.0, DeterministicMath.Exp(0.0));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(710.0));
        Assert.Equal(0.0, DeterministicMath.Exp(-800.0));
    }

    [Fact]
    public void Log_AgreesWithTheRuntimeToAFewUlp()
    {
        for (var x = 1e-300; x < 1e300; x *= 1.7)
            AssertClose(Math.Log(x), DeterministicMath.Log(x), 1e-15);
        for (var x = 0.01; x < 5.0; x += 0.0137)
            Assert.True(Math.Abs(Math.Log(x) - DeterministicMath.Log(x)) <= 4e-16 * Math.Max(1.0, Math.Abs(Math.Log(x))));
        Assert.Equal(0.0, DeterministicMath.Log(1.0));
        AssertClose(Math.Log(5e-320), DeterministicMath.Log(5e-320), 1e-13);
        Assert.True(double.IsNaN(DeterministicMath.Log(-1.0)));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0.0));
    }

    [Fact]
    public void Tanh_AndSigmoid_AgreeWithTheRuntime()
    {
        for (var x = -25.0; x <= 25.0; x += 0.013)
        {
            Assert.True(Math.Abs(Math.Tanh(x) - DeterministicMath.Tanh(x)) <= 1e-15, $"tanh({x})");
            Assert.True(Math.Abs(1.0 / (1.0 + Math.Exp(-x)) - DeterministicMath.Sigmoid(x)) <= 1e-15, $"sigmoid({x})");
        }
    }
}
