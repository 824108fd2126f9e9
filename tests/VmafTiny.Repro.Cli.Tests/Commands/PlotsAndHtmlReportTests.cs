using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Commands;

/// <summary><c>--report html</c> and <c>--plots DIR</c> of verify and run.</summary>
[Collection(Reliability.ProcessCollection.Name)] // one test makes a folder unwritable (chattr / bind mount)
public sealed class PlotsAndHtmlReportTests
{
    /// <summary>tiny's baseline raised by 0.01 PLCC on Tennis, with a k small enough that it regresses.</summary>
    private static TempRepo RaisedBaseline()
    {
        var repo = TempRepo.FromTemplate();
        repo.WriteConfig(RepoConfig.Small() with { K = 1e-5 });
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        ResultEdits.ShiftFold(baseline, "Tennis", "plcc", 0.01);
        TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);
        return repo;
    }

    [Fact]
    public void Verify_WritesASelfContainedHtmlReport_WithTheRegressedFoldMarked()
    {
        using var repo = RaisedBaseline();
        var path = Path.Combine(repo.Root, "out", "gate.html");

        var result = CliHost.Run(repo, "verify", "--threads", "1", "--report", "html", "--report-file", path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"report: {path}", result.Output);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>vmaf-repro gate: ✖ regression</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"marked\"><th scope=\"row\">Tennis</th>", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"pair\" id=\"pair-nf--tiny\">", html, StringComparison.Ordinal);
        Assert.Contains("<svg ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Verify_WritesPngsIntoThePlotsFolder_AndTheMarkdownReportLinksThemRelatively()
    {
        using var repo = RaisedBaseline();
        var plots = Path.Combine(repo.Root, "artefacts", "plots");
        var md = Path.Combine(repo.Root, "artefacts", "gate.md");

        var result = CliHost.Run(repo, "verify", "--threads", "1", "--plots", "artefacts/plots", "--report", "md", "--report-file", md);

        Assert.True(result.ExitCode == 1, result.ToString());
        var files = Directory.GetFiles(plots).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("nf--tiny--folds.png", files);
        Assert.Contains("nf--tiny--seeds.png", files);
        Assert.Contains("nf--tiny--history.png", files);
        Assert.Contains("nf--overview--plcc.png", files);
        Assert.Contains("nf--overview--rmse.png", files);
        Assert.Contains($"plots: {plots} ({files.Count} PNG files)", result.Output);
        Assert.All(files, f => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(plots, f!))[..4]));
        var text = File.ReadAllText(md);
        Assert.Contains("### Plots", text);
        Assert.Contains("- `nf/tiny`: [per fold](plots/nf--tiny--folds.png) · [per seed](plots/nf--tiny--seeds.png) · [history](plots/nf--tiny--history.png)", text);
    }

    [Fact]
    public void Verify_ExitsFourWithVMR5001_WhenThePlotsFolderIsUnwritable()
    {
        using var repo = TempRepo.FromTemplate();
        var plots = Directory.CreateDirectory(Path.Combine(repo.Root, "plots")).FullName;
        CliResult result;
        using (UnwritableFolder.Make(plots))
            result = CliHost.Run(repo, "verify", "--threads", "1", "--plots", plots);

        Expect.OneLineError(result, 4, "VMR5001", plots);
    }

    [Fact]
    public void Run_WritesTheHtmlReportOfThePairAgainstItsBaseline_AndStillExitsZero()
    {
        using var repo = RaisedBaseline();
        var path = Path.Combine(repo.Root, "run.html");

        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--threads", "1", "--report", "html", "--report-file", path, "--plots", "run-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(path);
        Assert.Contains("nf / tiny: ✖ regressed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("pair-nf--small", html, StringComparison.Ordinal); // only the pair that was run
        Assert.True(File.Exists(Path.Combine(repo.Root, "run-plots", "nf--tiny--folds.png")));
    }

    [Fact]
    public void Run_RejectsAnUnknownReportFormat()
    {
        using var repo = TempRepo.FromTemplate();
        var result = CliHost.Run(repo, "run", "--corpus", "nf", "--arch", "tiny", "--report", "pdf");
        Expect.OneLineError(result, 2, "VMR3100", "--report must be md, json, junit or html");
    }
}
