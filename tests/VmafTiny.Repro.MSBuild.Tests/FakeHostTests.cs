using System.Text;

namespace VmafTiny.Repro.MSBuild.Tests;

/// <summary>
/// Runs the task end to end against a fake "dotnet" (a shell script that records its arguments
/// NUL-separated, answers <c>inputs</c> with a list of files, prints a fixture for <c>verify</c> and
/// exits with a chosen code), so that process handling, the stamp and the probes are tested too.
/// </summary>
public sealed class FakeHostTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vmafrepro-fakehost-").FullName;

    public FakeHostTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "baselines", "c"));
        File.WriteAllText(Config, "{}");
        File.WriteAllText(Baseline, "{\"overall\":{}}");
        InputsAnswer($"{Config}\n{Baseline}\n", 0);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config => Path.Combine(_dir, "vmaf-repro.json");
    private string Baseline => Path.Combine(_dir, "baselines", "c", "a.json");
    private string State => Path.Combine(_dir, "state");
    private int VerifyCalls => File.Exists(Path.Combine(_dir, "verify.count")) ? File.ReadAllText(Path.Combine(_dir, "verify.count")).Length : 0;

    private void InputsAnswer(string output, int exitCode)
    {
        File.WriteAllText(Path.Combine(_dir, "inputs.out"), output);
        File.WriteAllText(Path.Combine(_dir, "inputs.exit"), exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private string FakeHost(string fixture, int exitCode)
    {
        var script = Path.Combine(_dir, "dotnet");
        var output = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        File.WriteAllText(script,
            "#!/bin/sh\n" +
            $"if [ \"$2\" = inputs ]; then printf '%s\\0' \"$PWD\" \"$@\" > '{_dir}/inputs-args.bin'; cat '{_dir}/inputs.out'; exit $(cat '{_dir}/inputs.exit'); fi\n" +
            $"printf '%s\\0' \"$PWD\" \"$@\" > '{_dir}/args.bin'\n" +
            $"printf x >> '{_dir}/verify.count'\n" +
            $"cat '{output}'\n" +
            $"exit {exitCode}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private string[] RecordedArgs(string file = "args.bin") =>
        Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_dir, file))).TrimEnd('\0').Split('\0');

    private (VmafReproGate Task, MockEngine Engine) Gate(string fixture, int exitCode, Action<VmafReproGate>? configure = null)
    {
        var engine = new MockEngine();
        var task = new VmafReproGate { BuildEngine = engine, DotNetHostPath = FakeHost(fixture, exitCode), ConfigFile = Config };
        configure?.Invoke(task);
        return (task, engine);
    }

    [Fact]
    public void Execute_FailsWithToolsErrors_AndPassesArgumentsUnsplit_WhenToolReportsRegression()
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, engine) = Gate("verify-regressed.txt", 1, t =>
        {
            t.Corpus = "netflix-synth";
            t.ReportFormat = "md";
            t.ReportFile = Path.Combine(_dir, "gate report.md");
        });

        Assert.False(task.Execute());

        Assert.Equal(["VMR1001"], engine.Errors.Select(e => e.Code));
        Assert.Equal("/repo/baselines/netflix-synth/mlp_small.json", engine.Errors[0].File);
        Assert.Equal(["VMR1006", "VMR1007"], engine.Warnings.Select(w => w.Code));
        Assert.Equal(
            [_dir, "vmaf-repro", "verify", "--config=" + Config, "--corpus=netflix-synth", "--report=md",
             "--report-file=" + Path.Combine(_dir, "gate report.md"), "--diagnostics=msbuild"],
            RecordedArgs());
        Assert.Equal([_dir, "vmaf-repro", "inputs", "--config=" + Config], RecordedArgs("inputs-args.bin"));
        Assert.Equal(3, task.Findings.Length);
    }

    // Issue 16 cases 4 and 5: every awkward value arrives byte for byte, inside its own --option=value argument.
    [Theory]
    [InlineData("--warn-only")]
    [InlineData("-p")]
    [InlineData(@"C:\reports\gate.md")]
    [InlineData(@"trailing\")]
    [InlineData(@"two\\""quoted")]
    [InlineData("bt`touch /tmp/vmafrepro-injected`")]
    [InlineData("$HOME and $(id)")]
    [InlineData("line one\nline two")]
    [InlineData("say \"hi\" and 'bye'")]
    [InlineData("semi; colon | pipe & amp > gt")]
    public void Execute_PassesEveryAwkwardValueByteForByte_ToVerifyAndToTheInputsProbe(string value)
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, _) = Gate("verify-warn-only.txt", 0, t =>
        {
            t.Approve = true;
            t.ApproveReason = value;
            t.ReportFile = value;
            t.Arch = value;
            t.ConfigFile = value;
            t.WorkingDirectory = _dir;
        });

        task.Execute();

        var verify = RecordedArgs();
        Assert.Contains("--reason=" + value, verify);
        Assert.Contains("--report-file=" + value, verify);
        Assert.Contains("--arch=" + value.Trim(), verify);
        Assert.Contains("--config=" + value, verify);
        Assert.DoesNotContain(value, verify);
        Assert.Contains("--config=" + value, RecordedArgs("inputs-args.bin"));
        Assert.False(File.Exists("/tmp/vmafrepro-injected"));
    }

    [Fact]
    public void Execute_Passes_WhenToolExitsZeroWithoutErrors()
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, engine) = Gate("verify-warn-only.txt", 0, t => t.WarnOnly = true);

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Equal("VMR1001", Assert.Single(engine.Warnings).Code);
        Assert.Contains("--warn-only", RecordedArgs());
    }

    [Fact]
    public void Execute_FailsWithVMR9101_WhenToolExitsNonZeroSilently()
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, engine) = Gate("empty.txt", 70);

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9101", error.Code);
        Assert.Contains("code 70 (internal error)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FailsOnErrorLine_EvenWhenToolExitsZero()
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, engine) = Gate("verify-input-error.txt", 0);

        Assert.False(task.Execute());
        Assert.Equal("VMR3001", Assert.Single(engine.Errors).Code);
    }

    // Issue 16 cases 3 and 8: the host's own failure (tool not installed / not restored) is VMR9105, once, WarnOnly or not.
    [Theory]
    [InlineData(false, "Could not execute because the specified command or file was not found.")]
    [InlineData(true, "Could not execute because the specified command or file was not found.")]
    [InlineData(true, "Run \"dotnet tool restore\" to make the \"vmaf-repro\" tool available.")]
    public void Execute_FailsWithVMR9105Once_AndNeverRunsVerify_WhenTheHostCannotRunTheTool(bool warnOnly, string hostMessage)
    {
        if (OperatingSystem.IsWindows()) return;
        InputsAnswer(hostMessage + "\n", 1);
        var (task, engine) = Gate("verify-warn-only.txt", 1, t => t.WarnOnly = warnOnly);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9105", error.Code);
        Assert.Contains(hostMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet tool restore", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, VerifyCalls);
    }

    [Fact]
    public void Execute_RunsVerifyToReportTheRealError_WhenTheToolRunsButCannotListItsInputs()
    {
        if (OperatingSystem.IsWindows()) return;
        InputsAnswer("error VMR3001: vmaf-repro.json is not valid JSON (/repo/vmaf-repro.json). Fix the file\n", 2);
        var (task, engine) = Gate("verify-input-error.txt", 2, t => t.StateDirectory = State);

        Assert.False(task.Execute());

        Assert.Equal("VMR3001", Assert.Single(engine.Errors).Code);
        Assert.Equal(1, VerifyCalls);
    }

    [Fact]
    public void Execute_SkipsTheSecondRun_WhenNoInputChanged()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.True(Gate("empty.txt", 0, t => t.StateDirectory = State).Task.Execute());

        var (again, engine) = Gate("empty.txt", 0, t => t.StateDirectory = State);

        Assert.True(again.Execute());
        Assert.Equal("skipped", again.Outcome);
        Assert.Equal(1, VerifyCalls);
        Assert.Contains("vmaf-repro gate: up to date, skipped", engine.Log, StringComparison.Ordinal);
    }

    // Issue 16 case 1: a deleted baseline is a changed input, though no timestamp changed.
    [Fact]
    public void Execute_RunsAgain_WhenAnExpectedBaselineWasDeleted()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.True(Gate("empty.txt", 0, t => t.StateDirectory = State).Task.Execute());
        File.Delete(Baseline);

        var (again, _) = Gate("empty.txt", 0, t => t.StateDirectory = State);

        Assert.True(again.Execute());
        Assert.Equal("passed", again.Outcome);
        Assert.Equal(2, VerifyCalls);
    }

    // Issue 16 case 6: content restored with an old timestamp (cp -p, touch -d) still counts.
    [Fact]
    public void Execute_RunsAgain_WhenABaselineChangedButKeptItsTimestamp()
    {
        if (OperatingSystem.IsWindows()) return;
        var stamp = File.GetLastWriteTimeUtc(Baseline);
        Assert.True(Gate("empty.txt", 0, t => t.StateDirectory = State).Task.Execute());
        File.WriteAllText(Baseline, "{\"overall\":{\"plcc\":1}}");
        File.SetLastWriteTimeUtc(Baseline, stamp);

        var (again, _) = Gate("empty.txt", 0, t => t.StateDirectory = State);

        Assert.True(again.Execute());
        Assert.Equal(2, VerifyCalls);
    }

    [Fact]
    public void Execute_RunsAgain_WhenAReceivedFileAppearsBesideABaseline()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.True(Gate("empty.txt", 0, t => t.StateDirectory = State).Task.Execute());
        File.WriteAllText(Path.Combine(_dir, "baselines", "c", "a.received.json"), "{}");

        Assert.True(Gate("empty.txt", 0, t => t.StateDirectory = State).Task.Execute());

        Assert.Equal(2, VerifyCalls);
    }

    [Fact]
    public void Execute_RunsAgain_AfterAFailure()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.False(Gate("verify-regressed.txt", 1, t => t.StateDirectory = State).Task.Execute());

        Assert.False(Gate("verify-regressed.txt", 1, t => t.StateDirectory = State).Task.Execute());

        Assert.Equal(2, VerifyCalls);
    }

    [Fact]
    public void Execute_NeverSkips_AnApproval()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.True(Gate("empty.txt", 0, t => t.StateDirectory = State).Task.Execute());

        var (approve, _) = Gate("empty.txt", 0, t => { t.StateDirectory = State; t.Approve = true; t.ApproveReason = "why"; });

        Assert.True(approve.Execute());
        Assert.Equal("approved", approve.Outcome);
        Assert.Equal(2, VerifyCalls);
    }

    // Issue 16 case 6: an input edited while the gate runs fails the run and leaves no stamp.
    [Fact]
    public void Execute_FailsWithVMR9109AndLeavesNoStamp_WhenAnInputChangesWhileTheGateRuns()
    {
        if (OperatingSystem.IsWindows()) return;
        var script = FakeHost("empty.txt", 0);
        File.WriteAllText(script, File.ReadAllText(script).Replace("printf x >>", $"printf changed >> '{Baseline}'; printf x >>", StringComparison.Ordinal));
        var engine = new MockEngine();
        var task = new VmafReproGate { BuildEngine = engine, DotNetHostPath = script, ConfigFile = Config, StateDirectory = State };

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("VMR9109", error.Code);
        Assert.Contains(Baseline, error.Message, StringComparison.Ordinal);
        Assert.True(Gate("empty.txt", 0, t => t.StateDirectory = State).Task.Execute());
        Assert.Equal(2, VerifyCalls);
    }

    // Issue 16 case 7: a tool that never ends is killed at VmafReproTimeout, with its children.
    [Fact]
    public void Execute_FailsWithVMR9110AndKillsTheToolTree_WhenTimeoutExpires()
    {
        if (OperatingSystem.IsWindows()) return;
        var pidFile = Path.Combine(_dir, "child.pid");
        var script = FakeHost("empty.txt", 0);
        File.WriteAllText(script, File.ReadAllText(script).Replace("printf x >>", $"sleep 300 & echo $! > '{pidFile}'; wait; printf x >>", StringComparison.Ordinal));
        var engine = new MockEngine();
        var task = new VmafReproGate { BuildEngine = engine, DotNetHostPath = script, ConfigFile = Config, TimeoutSeconds = "2" };

        var started = DateTime.UtcNow;
        Assert.False(task.Execute());

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
        Assert.Contains(engine.Errors, e => e.Code == "VMR9110");
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(WaitGone(child), $"the tool's child {child} survived the timeout");
    }

    // Issue 16 case 10: a build that waited for another one gating the same inputs, which failed meanwhile, does not repeat its errors.
    [Fact]
    public void Execute_FailsWithOneVMR9111WithoutRunningVerify_WhenTheBuildItWaitedForFailedOnTheSameInputs()
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, engine) = Gate("verify-regressed.txt", 1, t => t.StateDirectory = State);
        var state = new GateState(State);
        Directory.CreateDirectory(State);
        var result = (bool?)null;
        var run = new Thread(() => result = task.Execute());
        using (new FileStream(state.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            run.Start();
            Thread.Sleep(1500);
            var key = GateFingerprint.Of([Config, Baseline]).Key(task.SettingsText);
            state.Write(task.SettingsText, new GateRecord(key, false, [], DateTime.UtcNow));
        }

        Assert.True(run.Join(TimeSpan.FromSeconds(60)));
        Assert.False(result);
        Assert.Equal("VMR9111", Assert.Single(engine.Errors).Code);
        Assert.Contains("waiting for another build gating", engine.Log, StringComparison.Ordinal);
        Assert.Equal(0, VerifyCalls);
    }

    [Fact]
    public void Execute_SkipsAfterWaiting_WhenTheBuildItWaitedForPassedOnTheSameInputs()
    {
        if (OperatingSystem.IsWindows()) return;
        var (task, engine) = Gate("verify-regressed.txt", 1, t => t.StateDirectory = State);
        var state = new GateState(State);
        Directory.CreateDirectory(State);
        var result = (bool?)null;
        var run = new Thread(() => result = task.Execute());
        using (new FileStream(state.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            run.Start();
            Thread.Sleep(1500);
            var key = GateFingerprint.Of([Config, Baseline]).Key(task.SettingsText);
            state.Write(task.SettingsText, new GateRecord(key, true, [], DateTime.UtcNow));
        }

        Assert.True(run.Join(TimeSpan.FromSeconds(60)));
        Assert.True(result);
        Assert.Equal("skipped", task.Outcome);
        Assert.Equal(0, VerifyCalls);
    }

    internal static bool WaitGone(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            if (!Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z") return true;
            Thread.Sleep(100);
        }
        return false;
    }
}
