using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Commands;

/// <summary><c>vmaf-repro inputs</c>: the incremental key of the MSBuild gate (issue 16 cases 1 and 6).</summary>
public sealed class InputsCommandTests
{
    private static string[] Lines(CliResult r) =>
        r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Inputs_ListsTheExpectedBaseline_WhenItWasDeleted()
    {
        using var repo = TempRepo.FromTemplate();
        File.Delete(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "inputs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(repo.BaselinePath("tiny"), Lines(result));
    }

    [Fact]
    public void Inputs_ListsEveryAssemblyOfTheTool_NotOnlyTheEntryAssembly()
    {
        using var repo = TempRepo.FromTemplate();

        var lines = Lines(CliHost.Run(repo, "inputs"));

        Assert.Contains(lines, l => Path.GetFileName(l) == "VmafTiny.Repro.Core.dll");
        Assert.Contains(lines, l => Path.GetFileName(l) == "VmafTiny.Repro.Torch.dll");
        Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
    }
}
