using VmafTiny.Repro.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// The environment refuses a write (read-only folder, full disk): one line, exit 4
/// (ExitCodes.EnvironmentError), and the approved baseline is left exactly as it was.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class WriteFailureTests(ITestOutputHelper output)
{
    /// <summary>A repository where tiny's received file (and so the next baseline) differs from the baseline.</summary>
    private static TempRepo WithChangedNumbers(bool receivedFile)
    {
        var repo = TempRepo.FromTemplate();
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        if (receivedFile)
        {
            var fresh = TempRepo.ReadJson(repo.RunPath("tiny"));
            ResultEdits.ShiftFold(fresh, "Tennis", "plcc", -0.01);
            TempRepo.WriteJson(repo.ReceivedPath("tiny"), fresh);
        }
        else
        {
            ResultEdits.ShiftFold(baseline, "Tennis", "plcc", 0.01); // verify will want to write a received file
            TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);
        }
        return repo;
    }

    [Fact]
    public void Approve_ExitsFour_AndLeavesTheBaselineUntouched_WhenTheBaselinesFolderIsReadOnly()
    {
        using var repo = WithChangedNumbers(receivedFile: true);
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));
        (int ExitCode, string Output, string Errors) result;
        using (var ro = UnwritableFolder.Make(Path.GetDirectoryName(repo.BaselinePath("tiny"))!))
        {
            output.WriteLine(ro.ToString());
            result = ToolProcess.Run(repo.Root, TimeSpan.FromSeconds(60), "approve", "--arch", "tiny", "--reason", "read-only test");
        }
        output.WriteLine(result.Errors);

        AssertEnvironmentError(result, repo.BaselinePath("tiny"));
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
        Assert.True(File.Exists(repo.ReceivedPath("tiny"))); // still there to approve later
    }

    [Fact]
    public void Verify_ExitsFour_AndLeavesTheBaselineUntouched_WhenTheReceivedFileCannotBeWritten()
    {
        using var repo = WithChangedNumbers(receivedFile: false);
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));
        (int ExitCode, string Output, string Errors) result;
        using (var ro = UnwritableFolder.Make(Path.GetDirectoryName(repo.BaselinePath("tiny"))!))
        {
            output.WriteLine(ro.ToString());
            result = ToolProcess.Run(repo.Root, TimeSpan.FromSeconds(60), "verify", "--threads", "1");
        }
        output.WriteLine(result.Errors);

        AssertEnvironmentError(result, repo.ReceivedPath("tiny"));
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
        Assert.False(File.Exists(repo.ReceivedPath("tiny")));
    }

    [Fact]
    public void Approve_ExitsFour_AndLeavesTheBaselineUntouched_WhenTheDiskIsFull()
    {
        using var repo = WithChangedNumbers(receivedFile: true);
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));
        string[] args = ["approve", "--arch", "tiny", "--reason", "full disk test"];
        (int ExitCode, string Output, string Errors) result;
        using (var disk = FullDisk.TryMount(repo.BaselinesDir))
        {
            if (disk is not null)
            {
                output.WriteLine("baselines/ on a full 256 KiB tmpfs (ENOSPC)");
                result = ToolProcess.Run(repo.Root, TimeSpan.FromSeconds(60), args);
                Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny"))); // read through the mount
                Assert.DoesNotContain(TempRepo.FilesUnder(repo.BaselinesDir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
                Assert.Contains("No space left on device", result.Errors);
            }
            else
            {
                // Mounting is not permitted: RLIMIT_FSIZE makes the same write fail (EFBIG) instead.
                output.WriteLine("mount not permitted: ulimit -f 8 (EFBIG)");
                using var tool = ToolProcess.Start(repo.Root, args, shellPrefix: "trap '' XFSZ; ulimit -f 8");
                Assert.True(tool.WaitForExit(TimeSpan.FromSeconds(60)));
                result = (tool.ExitCode, tool.Output, tool.Errors);
            }
        }
        output.WriteLine(result.Errors);

        AssertEnvironmentError(result, repo.BaselinePath("tiny"));
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
        Assert.True(File.Exists(repo.ReceivedPath("tiny")));
    }

    private static void AssertEnvironmentError((int ExitCode, string Output, string Errors) result, string path)
    {
        Assert.True(result.ExitCode == 4, $"exit {result.ExitCode}\n{result.Output}\n{result.Errors}");
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"error VMR5001: could not write '{path}': ", line);
        Assert.EndsWith("Check that the folder is writable and the disk has space; the previous file, if any, is unchanged.", line);
        Expect.NoStackTrace(result.Output + result.Errors);
    }
}
