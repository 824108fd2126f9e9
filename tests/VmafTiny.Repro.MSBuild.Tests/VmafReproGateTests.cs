using Microsoft.Build.Framework;

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

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR3001", error.Code);
        Assert.Equal("/repo/vmaf-repro.json", error.File);
    }

    [Fact]
    public void HandleExit_ReportsVMR9101_WhenNonZeroExitHadNoErrorLine()
    {
        var (task, engine) = NewGate();
        task.ProcessOutputLine("something went wrong", MessageImportance.High);

        var ok = task.HandleExit(4);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9101", error.Code);
        Assert.Equal("/repo/vmaf-repro.json", error.File);
        Assert.Equal("vmaf-repro exited with code 4 (environment error) without reporting an error line. Run the command above by hand to see its output", error.Message);
    }

    [Fact]
    public void HandleExit_AddsNoSecondError_WhenToolAlreadyReportedOne()
    {
        var (task, engine) = NewGate();
        Feed(task, "verify-regressed.txt");

        var ok = task.HandleExit(1);

        Assert.False(ok);
        Assert.Equal(["VMR1001"], engine.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void HandleExit_Passes_WhenWarnOnlyAndExitIsAVerdict(int exitCode)
    {
        var (task, engine) = NewGate(t => t.WarnOnly = true);
        Feed(task, "verify-warn-only.txt");

        Assert.True(task.HandleExit(exitCode));
        Assert.Empty(engine.Errors);
        Assert.Equal("VMR1001", Assert.Single(engine.Warnings).Code);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(70)]
    public void HandleExit_Fails_WhenWarnOnlyButExitIsNotAVerdict(int exitCode)
    {
        var (task, engine) = NewGate(t => t.WarnOnly = true);

        Assert.False(task.HandleExit(exitCode));
        Assert.Equal("VMR9101", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void HandleExit_ReportsVMR9105_WhenDotnetCannotFindTheTool()
    {
        var (task, engine) = NewGate();
        task.ProcessOutputLine("Could not execute because the specified command or file was not found.", MessageImportance.High);

        Assert.False(task.HandleExit(1));
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9105", error.Code);
        Assert.Contains("dotnet tool restore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FailsWithVMR9102_BeforeRunningAnything_WhenApproveHasNoReason()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.DotNetHostPath = "/nonexistent/dotnet"; });

        Assert.False(task.Execute());
        Assert.Equal("VMR9102", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void CompleteDeferred_TurnsApprovedVerdictErrorsIntoWarnings_WhenApproveExitedZero()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.ApproveReason = "why"; });
        Feed(task, "verify-regressed.txt");
        Assert.Empty(engine.Errors);

        task.CompleteDeferred(0);

        Assert.Empty(engine.Errors);
        Assert.Equal(["VMR1001", "VMR1006", "VMR1007"], engine.Warnings.Select(w => w.Code));
        Assert.StartsWith("approved: netflix-synth/mlp_small regressed", engine.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal("/repo/baselines/netflix-synth/mlp_small.json", engine.Warnings[0].File);
    }

    [Fact]
    public void HandleExit_ReportsHeldBackErrors_WhenApproveFailed()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.ApproveReason = "why"; });
        Feed(task, "verify-regressed.txt");

        Assert.False(task.HandleExit(1));

        Assert.Equal(["VMR1001"], engine.Errors.Select(e => e.Code));
        Assert.Equal("netflix-synth/mlp_small regressed: fold BigBuckBunny seed 0 PLCC 0.97012 is below the band [0.98811, 0.99211] (k = 3); received file: /repo/baselines/netflix-synth/mlp_small.received.json", engine.Errors[0].Message);
    }

    [Fact]
    public void CompleteDeferred_KeepsInputErrors_EvenWhenApproveExitedZero()
    {
        var (task, engine) = NewGate(t => { t.Approve = true; t.ApproveReason = "why"; });
        Feed(task, "verify-input-error.txt");

        task.CompleteDeferred(0);

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
    public void Describe_NamesEveryDocumentedExitCode()
    {
        Assert.Equal(
            ["pass", "regression", "usage or input error", "not comparable or missing baseline", "environment error", "internal error", "interrupted", "unknown exit code"],
            new[] { 0, 1, 2, 3, 4, 70, 130, 99 }.Select(VmafReproGate.Describe));
    }
}
