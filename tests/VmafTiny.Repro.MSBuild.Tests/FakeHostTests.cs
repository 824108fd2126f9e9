namespace VmafTiny.Repro.MSBuild.Tests;

/// <summary>
/// Runs the task end to end against a fake "dotnet" (a shell script that records its arguments,
/// prints a fixture and exits with a chosen code), so that process handling is tested too.
/// </summary>
public sealed class FakeHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vmafrepro-fakehost-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FakeHost(string fixture, int exitCode)
    {
        var script = Path.Combine(_dir, "dotnet");
        var output = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        File.WriteAllText(script,
            "#!/bin/sh\n" +
            $"printf '%s\\n' \"$PWD\" \"$@\" > '{_dir}/args.txt'\n" +
            $"cat '{output}'\n" +
            $"exit {exitCode}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private string[] RecordedArgs() => File.ReadAllLines(Path.Combine(_dir, "args.txt"));

    [Fact]
    public void Execute_FailsWithToolsErrors_AndPassesArgumentsUnsplit_WhenToolReportsRegression()
    {
        if (OperatingSystem.IsWindows()) return;
        var config = Path.Combine(_dir, "vmaf-repro.json");
        var engine = new MockEngine();
        var task = new VmafReproGate
        {
            BuildEngine = engine,
            DotNetHostPath = FakeHost("verify-regressed.txt", 1),
            ConfigFile = config,
            Corpus = "netflix-synth",
            ReportFormat = "md",
            ReportFile = Path.Combine(_dir, "gate report.md"),
        };

        Assert.False(task.Execute());

        Assert.Equal(["VMR1001"], engine.Errors.Select(e => e.Code));
        Assert.Equal("/repo/baselines/netflix-synth/mlp_small.json", engine.Errors[0].File);
        Assert.Equal(["VMR1006", "VMR1007"], engine.Warnings.Select(w => w.Code));
        Assert.Equal(
            [_dir, "vmaf-repro", "verify", "--config", config, "--corpus", "netflix-synth", "--report", "md",
             "--report-file", Path.Combine(_dir, "gate report.md"), "--diagnostics", "msbuild"],
            RecordedArgs());
        Assert.Equal(3, task.Findings.Length);
    }

    [Fact]
    public void Execute_Passes_WhenToolExitsZeroWithoutErrors()
    {
        if (OperatingSystem.IsWindows()) return;
        var engine = new MockEngine();
        var task = new VmafReproGate { BuildEngine = engine, DotNetHostPath = FakeHost("verify-warn-only.txt", 0), WarnOnly = true, WorkingDirectory = _dir };

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Equal("VMR1001", Assert.Single(engine.Warnings).Code);
        Assert.Contains("--warn-only", RecordedArgs());
    }

    [Fact]
    public void Execute_FailsWithVMR9101_WhenToolExitsNonZeroSilently()
    {
        if (OperatingSystem.IsWindows()) return;
        var empty = Path.Combine(AppContext.BaseDirectory, "Fixtures", "empty.txt");
        var engine = new MockEngine();
        var task = new VmafReproGate { BuildEngine = engine, DotNetHostPath = FakeHost("empty.txt", 70), WorkingDirectory = _dir };

        Assert.False(task.Execute());
        Assert.True(File.Exists(empty));
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9101", error.Code);
        Assert.Contains("code 70 (internal error)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FailsOnErrorLine_EvenWhenToolExitsZero()
    {
        if (OperatingSystem.IsWindows()) return;
        var engine = new MockEngine();
        var task = new VmafReproGate { BuildEngine = engine, DotNetHostPath = FakeHost("verify-input-error.txt", 0), WorkingDirectory = _dir };

        Assert.False(task.Execute());
        Assert.Equal("VMR3001", Assert.Single(engine.Errors).Code);
    }
}
