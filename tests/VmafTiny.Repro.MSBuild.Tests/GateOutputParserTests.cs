namespace VmafTiny.Repro.MSBuild.Tests;

public sealed class GateOutputParserTests
{
    [Fact]
    public void TryParse_ReadsCodeFileAndLocation_WhenLineIsCanonicalError()
    {
        var d = GateOutputParser.TryParse("/abs/path/baselines/netflix-synth/mlp_small.json(1,1): error VMR1001: mlp_small regressed: PLCC 0.97 below band");

        Assert.Equal(new GateDiagnostic(GateSeverity.Error, "VMR1001", "/abs/path/baselines/netflix-synth/mlp_small.json", 1, 1, 0, 0,
            "mlp_small regressed: PLCC 0.97 below band"), d);
    }

    [Fact]
    public void TryParse_ReadsWarning_WhenSeverityIsWarning()
    {
        var d = GateOutputParser.TryParse("/b/x.json(3,7): warning VMR1006: improved");

        Assert.NotNull(d);
        Assert.Equal(GateSeverity.Warning, d.Severity);
        Assert.Equal("VMR1006", d.Code);
        Assert.Equal(3, d.Line);
        Assert.Equal(7, d.Column);
    }

    [Fact]
    public void TryParse_HasNoFile_WhenLineHasNoOrigin()
    {
        var d = GateOutputParser.TryParse("error VMR3001: vmaf-repro.json is not valid JSON. Fix it");

        Assert.Equal(new GateDiagnostic(GateSeverity.Error, "VMR3001", null, 0, 0, 0, 0, "vmaf-repro.json is not valid JSON. Fix it"), d);
    }

    [Fact]
    public void TryParse_KeepsDriveLetter_WhenOriginIsWindowsPath()
    {
        var d = GateOutputParser.TryParse(@"C:\repo\baselines\k\mlp_large.json(1,1): error VMR1004: missing baseline");

        Assert.NotNull(d);
        Assert.Equal(@"C:\repo\baselines\k\mlp_large.json", d.File);
        Assert.Equal("VMR1004", d.Code);
        Assert.Equal("missing baseline", d.Message);
    }

    [Fact]
    public void TryParse_KeepsSpaces_WhenOriginIsPathWithSpaces()
    {
        var d = GateOutputParser.TryParse("/tmp/my repo/vmaf-repro.json: error VMR3002: unknown key 'kk'");

        Assert.NotNull(d);
        Assert.Equal("/tmp/my repo/vmaf-repro.json", d.File);
        Assert.Equal(0, d.Line);
    }

    [Fact]
    public void TryParse_ReadsFullRange_WhenLocationHasFourNumbers()
    {
        var d = GateOutputParser.TryParse("/b/x.json(2,3,4,5): error VMR3003: bad");

        Assert.NotNull(d);
        Assert.Equal((2, 3, 4, 5), (d.Line, d.Column, d.EndLine, d.EndColumn));
    }

    [Fact]
    public void TryParse_IsCaseInsensitiveOnSeverity_AndUpperCasesCode()
    {
        var d = GateOutputParser.TryParse("/b/x.json(1,1): ERROR vmr1002: diverged");

        Assert.NotNull(d);
        Assert.Equal(GateSeverity.Error, d.Severity);
        Assert.Equal("VMR1002", d.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("netflix-synth / mlp_small: 8 of 8 trainings from cache")]
    [InlineData("1 regression, 0 passes")]
    [InlineData("Build error VMR1001: looks like one but is prose")]
    [InlineData("some prose here: error VMR1001: but the origin is not a path")]
    [InlineData("error: no code here")]
    public void TryParse_ReturnsNull_WhenLineIsNotADiagnostic(string line) =>
        Assert.Null(GateOutputParser.TryParse(line));
}
