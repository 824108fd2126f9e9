namespace VmafTiny.Repro.MSBuild.Tests;

public sealed class GateArgumentsTests
{
    [Fact]
    public void ForVerify_RunsInstalledTool_WithDiagnosticsMsbuild_WhenOnlyConfigIsSet()
    {
        var args = GateArguments.ForVerify(new GateSettings { ConfigFile = "/repo/vmaf-repro.json" });

        Assert.Equal(["vmaf-repro", "verify", "--config=/repo/vmaf-repro.json", "--diagnostics=msbuild"], args);
    }

    [Fact]
    public void ForVerify_PassesEveryOption_InContractOrder()
    {
        var args = GateArguments.ForVerify(new GateSettings
        {
            ConfigFile = "/repo/vmaf-repro.json",
            Corpus = "netflix-synth",
            Arch = "mlp_small",
            K = "2.5",
            ReportFormat = "MD",
            ReportFile = "/repo/gate.md",
            WarnOnly = true,
            Approve = true,
            Reason = "TorchSharp upgrade",
        });

        Assert.Equal(
            ["vmaf-repro", "verify", "--config=/repo/vmaf-repro.json", "--corpus=netflix-synth", "--arch=mlp_small",
             "--band-k=2.5", "--report=md", "--report-file=/repo/gate.md", "--warn-only", "--diagnostics=msbuild",
             "--approve", "--reason=TorchSharp upgrade"],
            args);
    }

    [Fact]
    public void ForVerify_RunsDll_WhenToolAssemblyIsSet()
    {
        var args = GateArguments.ForVerify(new GateSettings { ToolAssembly = "/src/bin/vmaf-repro.dll" });

        Assert.Equal(["/src/bin/vmaf-repro.dll", "verify", "--diagnostics=msbuild"], args);
    }

    [Fact]
    public void ForInputs_AsksForInputsOfTheConfig()
    {
        var args = GateArguments.ForInputs(new GateSettings { ConfigFile = "/repo/vmaf-repro.json", Corpus = "ignored" });

        Assert.Equal(["vmaf-repro", "inputs", "--config=/repo/vmaf-repro.json"], args);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir with space\", "\"C:\\dir with space\\\\\"")]
    public void Quote_EscapesAsTheRuntimeArgvParserExpects(string arg, string expected) =>
        Assert.Equal(expected, GateArguments.Quote(arg));

    [Fact]
    public void Display_QuotesOnlyArgumentsThatNeedIt()
    {
        var line = GateArguments.Display(GateArguments.ForVerify(new GateSettings { Approve = true, Reason = "new seeds" }));

        Assert.Equal("vmaf-repro verify --diagnostics=msbuild --approve \"--reason=new seeds\"", line);
    }

    [Theory]
    [InlineData("--warn-only")]
    [InlineData("-v")]
    public void ForVerify_KeepsAValueThatLooksLikeAnOption_InsideItsOwnArgument(string value)
    {
        var args = GateArguments.ForVerify(new GateSettings { ReportFile = value, Approve = true, Reason = value });

        Assert.Contains("--report-file=" + value, args);
        Assert.Contains("--reason=" + value, args);
        Assert.DoesNotContain(value, args);
    }

    [Fact]
    public void Validate_ReturnsVMR9102_WhenApproveHasNoReason()
    {
        var problem = GateArguments.Validate(new GateSettings { Approve = true, Reason = " " });

        Assert.Equal("VMR9102", problem?.Code);
    }

    [Fact]
    public void Validate_ReturnsVMR9103_WhenReportFormatIsUnknown()
    {
        var problem = GateArguments.Validate(new GateSettings { ReportFormat = "html" });

        Assert.Equal("VMR9103", problem?.Code);
        Assert.Contains("'html'", problem?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("2,5")]
    public void Validate_ReturnsVMR9106_WhenKIsNotAPositiveInvariantNumber(string k) =>
        Assert.Equal("VMR9106", GateArguments.Validate(new GateSettings { K = k })?.Code);

    [Fact]
    public void Validate_ReturnsVMR9104_WhenToolAssemblyDoesNotExist()
    {
        var problem = GateArguments.Validate(new GateSettings { ToolAssembly = "/nonexistent/vmaf-repro.dll" });

        Assert.Equal("VMR9104", problem?.Code);
    }

    [Fact]
    public void Validate_ReturnsNull_WhenSettingsAreUsable()
    {
        Assert.Null(GateArguments.Validate(new GateSettings { K = "3", ReportFormat = "junit", Approve = true, Reason = "why" }));
    }
}
