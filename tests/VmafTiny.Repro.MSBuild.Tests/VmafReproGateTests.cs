using Microsoft.Build.Framework;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.MSBuild.Tests;

public sealed class VmafReproGateTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static (VmafReproGate Task, MockEngine Engine) NewGate(Action<VmafReproGate>? configure = null)
    {
        var engine = new MockEngine();
        var task = new VmafReproGate { BuildEngine = engine, ConfigFile = "/repo/vmaf-repro.json" };
        configure?.Invoke(task);
        return (task, engine);
    }

    private static void Feed(VmafReproGate task, string fixture)
    {
        foreach (var line in File.ReadAllLines(Path.Combine(Fixtures, fixture)))
            task.ProcessOutputLine(line, MessageImportance.Normal);
    }

    [Fact]
    public void ProcessOutputLine_LogsErrorWithCodeAndBaselineFile_WhenToolReportsRegression()
    {
        var (task, engine) = NewGate();

        Feed(task, "verify-regressed.txt");

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR1001", error.Code);
        Assert.Equal("/repo/baselines/netflix-synth/mlp_small.json", error.File);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(1, error.ColumnNumber);
        Assert.StartsWith("netflix-synth/mlp_small regressed: fold BigBuckBunny seed 0 PLCC 0.97012 is below the band", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessOutputLine_LogsWarningsWithCodes_WhenToolReportsImprovedAndOrphan()
    {
        var (task, engine) = NewGate();

        Feed(task, "verify-regressed.txt");

        Assert.Equal(["VMR1006", "VMR1007"], engine.Warnings.Select(w => w.Code));
        Assert.Equal("/repo/baselines/orphan/mlp_large.received.json", engine.Warnings[1].File);
    }

    [Fact]
    public void ProcessOutputLine_LogsPlainLinesAsMessages_WhenTheyAreNotDiagnostics()
    {
        var (task, engine) = NewGate();

        Feed(task, "verify-regressed.txt");

        Assert.Equal(
            ["vmaf-repro 0.1.0: gating 1 corpus x 1 architecture against baselines/",
             "netflix-synth / mlp_small: 8 of 8 trainings from cache",
             "1 regression, 0 passes"],
            engine.Messages.Select(m => m.Message));
        Assert.Equal(["VMR1001", "VMR1006", "VMR1007"], task.Findings.Select(f => f.ItemSpec));
    }

    [Fact]
    public void ProcessOutputLine_PointsAtConfigFile_WhenLineHasNoOrigin()
    {
        var (task, engine) = NewGate();

        Feed(task, "verify-input-error.txt");
        task.CompleteHeld(2);

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR3001", error.Code);
        Assert.Equal("/repo/vmaf-repro.json", error.File);
    }

    [Fact]
    public void Finish_ReportsVMR9101WithTheCommandAndLastOutput_WhenNonZeroExitHadNoErrorLine()
    {
        var (task, engine) = NewGate();
        task.ProcessOutputLine("something went wrong", MessageImportance.High);

        task.Finish(4, TimeSpan.FromSeconds(1));

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9101", error.Code);
        Assert.Equal("/repo/vmaf-repro.json", error.File);
        Assert.StartsWith("vmaf-repro exited with code 4 (environment error) without reporting an error line. Command: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("verify --config=/repo/vmaf-repro.json --diagnostics=msbuild", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Its last output: something went wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_AddsNoSecondError_WhenToolAlreadyReportedOne()
    {
        var (task, engine) = NewGate();
        Feed(task, "verify-regressed.txt");

        task.Finish(1, TimeSpan.FromSeconds(1));

        Assert.Equal(["VMR1001"], engine.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(70)]
    public void Finish_Fails_WhenWarnOnlyButExitIsNonZero(int exitCode)
    {
        // With --warn-only the CLI exits 0 on any verdict: a non-zero exit is a failed run (e.g. the
        // dotnet host's own exit 1 for a missing tool), never waved through.
        var (task, engine) = NewGate(t => t.WarnOnly = true);
        Feed(task, "verify-warn-only.txt");

        task.Finish(exitCode, TimeSpan.FromSeconds(1));

        Assert.Equal("VMR9101", Assert.Single(engine.Errors).Code);
        Assert.Equal("VMR1001", Assert.Single(engine.Warnings).Code);
    }

    [Fact]
    public void Finish_ReportsAnInputErrorOnce_WhenTheCliPrintsItOnStdoutWithFileAndOnStderrWithout()
    {
        var (task, engine) = NewGate();
        task.ProcessOutputLine("error VMR2001: corpus file 'c.parquet' does not exist (/repo/c.parquet). Fix the path", MessageImportance.Normal);
        task.ProcessOutputLine("/repo/c.parquet(1,1): error VMR2001: corpus file 'c.parquet' does not exist. Fix the path", MessageImportance.Normal);

        task.Finish(2, TimeSpan.FromSeconds(1));

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("VMR2001", "/repo/c.parquet"), (error.Code, error.File));
    }

    [Fact]
    public void Finish_KeepsAnErrorWithoutFile_WhenNoLineWithFileHadItsCode()
    {
        var (task, engine) = NewGate();
        Feed(task, "verify-input-error.txt");

        task.Finish(2, TimeSpan.FromSeconds(1));

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("VMR3001", "/repo/vmaf-repro.json"), (error.Code, error.File));
    }

    [Fact]
    public void Execute_FailsWithVMR9102_BeforeRunningAnything_WhenApproveHasNoReason()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.DotNetHostPath = "/nonexistent/dotnet"; });

        Assert.False(task.Execute());
        Assert.Equal("VMR9102", Assert.Single(engine.Errors).Code);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Execute_FailsWithVMR9110_WhenTimeoutIsNotWholeSeconds(string timeout)
    {
        var (task, engine) = NewGate(t => t.TimeoutSeconds = timeout);

        Assert.False(task.Execute());
        Assert.Equal("VMR9110", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void CompleteHeld_TurnsApprovedVerdictErrorsIntoWarnings_WhenApproveExitedZero()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.ApproveReason = "why"; });
        Feed(task, "verify-regressed.txt");
        Assert.Empty(engine.Errors);

        task.CompleteHeld(0);

        Assert.Empty(engine.Errors);
        Assert.Equal(["VMR1001", "VMR1006", "VMR1007"], engine.Warnings.Select(w => w.Code));
        Assert.StartsWith("approved: netflix-synth/mlp_small regressed", engine.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal("/repo/baselines/netflix-synth/mlp_small.json", engine.Warnings[0].File);
    }

    [Fact]
    public void Finish_ReportsHeldBackErrors_WhenApproveFailed()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.ApproveReason = "why"; });
        Feed(task, "verify-regressed.txt");

        task.Finish(1, TimeSpan.FromSeconds(1));

        Assert.Equal(["VMR1001"], engine.Errors.Select(e => e.Code));
        Assert.Equal("netflix-synth/mlp_small regressed: fold BigBuckBunny seed 0 PLCC 0.97012 is below the band [0.98811, 0.99211] (k = 3); received file: /repo/baselines/netflix-synth/mlp_small.received.json", engine.Errors[0].Message);
    }

    [Fact]
    public void CompleteHeld_KeepsInputErrors_EvenWhenApproveExitedZero()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.ApproveReason = "why"; });
        Feed(task, "verify-input-error.txt");

        task.CompleteHeld(0);

        Assert.Equal("VMR3001", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Execute_FailsWithVMR9107_WhenDotNetHostDoesNotExist()
    {
        var (task, engine) = NewGate(t => t.DotNetHostPath = "/nonexistent/dotnet");

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9107", error.Code);
        Assert.Equal("The dotnet host was not found ('/nonexistent/dotnet'). Put dotnet on PATH, or set VmafReproDotNetHostPath", error.Message);
    }

    [Fact]
    public void ExitCodesDescribe_NamesEveryExitCodeOfTheSharedContract()
    {
        var codes = typeof(ExitCodes).GetFields().Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToList();

        Assert.Equal(7, codes.Count);
        Assert.All(codes, c => Assert.NotEqual(ExitCodes.Describe(99), ExitCodes.Describe(c)));
        Assert.Equal("regression", ExitCodes.Describe(ExitCodes.Regression));
    }
}
