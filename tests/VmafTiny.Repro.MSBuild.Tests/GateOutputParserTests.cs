using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.MSBuild.Tests;

/// <summary>The task reads the canonical lines the CLI writes: <see cref="GateDiagnostic.TryParse"/> of the one shared type.</summary>
public sealed class GateOutputParserTests
{
    [Theory]
    [InlineData("/repo/baselines/nf/tiny.json", DiagnosticSeverity.Error)]
    [InlineData("/repo/baselines/nf/tiny.json", DiagnosticSeverity.Warning)]
    [InlineData(null, DiagnosticSeverity.Error)]
    public void TryParse_ReadsBackWhatToCanonicalWrites(string? file, DiagnosticSeverity severity)
    {
        var written = new GateDiagnostic(severity, "VMR1001", file, "nf/tiny regressed: plcc Δ -0.002 (driving folds: fold2)");

        var read = GateDiagnostic.TryParse(written.ToCanonical(warnOnly: false));

        Assert.Equal(written with { Line = file is null ? 0 : 1, Column = file is null ? 0 : 1 }, read);
    }

    [Fact]
    public void TryParse_ReadsCodeFileAndLocation_WhenLineIsCanonicalError()
    {
        var d = GateDiagnostic.TryParse("/abs/path/baselines/netflix-synth/mlp_small.json(1,1): error VMR1001: mlp_small regressed: PLCC 0.97 below band");

        Assert.Equal(new GateDiagnostic(DiagnosticSeverity.Error, "VMR1001", "/abs/path/baselines/netflix-synth/mlp_small.json",
            "mlp_small regressed: PLCC 0.97 below band") { Line = 1, Column = 1 }, d);
    }

    [Fact]
    public void TryParse_ReadsWarning_WhenSeverityIsWarning()
    {
        var d = GateDiagnostic.TryParse("/b/x.json(3,7): warning VMR1006: improved");

        Assert.NotNull(d);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("VMR1006", d.Code);
        Assert.Equal(3, d.Line);
        Assert.Equal(7, d.Column);
    }

    [Fact]
    public void TryParse_HasNoFile_WhenLineHasNoOrigin()
    {
        var d = GateDiagnostic.TryParse("error VMR3001: vmaf-repro.json is not valid JSON. Fix it");

        Assert.Equal(new GateDiagnostic(DiagnosticSeverity.Error, "VMR3001", null, "vmaf-repro.json is not valid JSON. Fix it"), d);
    }

    [Fact]
    public void TryParse_KeepsDriveLetter_WhenOriginIsWindowsPath()
    {
        var d = GateDiagnostic.TryParse(@"C:\repo\baselines\k\mlp_large.json(1,1): error VMR1004: missing baseline");

        Assert.NotNull(d);
        Assert.Equal(@"C:\repo\baselines\k\mlp_large.json", d.File);
        Assert.Equal("VMR1004", d.Code);
        Assert.Equal("missing baseline", d.Message);
    }

    [Fact]
    public void TryParse_KeepsSpaces_WhenOriginIsPathWithSpaces()
    {
        var d = GateDiagnostic.TryParse("/tmp/my repo/vmaf-repro.json: error VMR3002: unknown key 'kk'");

        Assert.NotNull(d);
        Assert.Equal("/tmp/my repo/vmaf-repro.json", d.File);
        Assert.Equal(0, d.Line);
    }

    [Fact]
    public void TryParse_ReadsFullRange_WhenLocationHasFourNumbers()
    {
        var d = GateDiagnostic.TryParse("/b/x.json(2,3,4,5): error VMR3003: bad");

        Assert.NotNull(d);
        Assert.Equal((2, 3, 4, 5), (d.Line, d.Column, d.EndLine, d.EndColumn));
    }

    [Fact]
    public void TryParse_IsCaseInsensitiveOnSeverity_AndUpperCasesCode()
    {
        var d = GateDiagnostic.TryParse("/b/x.json(1,1): ERROR vmr1002: diverged");

        Assert.NotNull(d);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
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
        Assert.Null(GateDiagnostic.TryParse(line));
}
