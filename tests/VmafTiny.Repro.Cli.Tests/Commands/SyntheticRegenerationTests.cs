using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Synthetic;

namespace VmafTiny.Repro.Cli.Tests.Commands;

public sealed class SyntheticRegenerationTests
{
    [Fact]
    public void Run_RegeneratesAConfiguredSyntheticCorpus_WhoseFileWasWrittenForOtherSettings()
    {
        using var repo = TempRepo.FromTemplate(withBaselines: false);
        var config = JObject.Parse(RepoConfig.Small().ToJson());
        config["corpora"]![TempRepo.CorpusName]!["synthetic"] = new JObject { ["shape"] = "netflix", ["rows"] = 400, ["seed"] = 1 };
        File.WriteAllText(repo.ConfigPath, config.ToString());
        SyntheticCorpus.WriteParquet(SyntheticCorpus.Generate(SyntheticShape.Netflix, 500, 3), repo.CorpusPath);

        var result = CliHost.Run(repo, "run", "--corpus", TempRepo.CorpusName, "--arch", "tiny", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(SyntheticCorpus.NeedsGenerating(repo.CorpusPath, SyntheticShape.Netflix, 400, 1));
        var corpus = TempRepo.ReadJson(repo.RunPath("tiny"))["corpus"]!;
        Assert.Equal(400, (int)corpus["rows"]!);
        Assert.Equal(SyntheticCorpus.Generate(SyntheticShape.Netflix, 400, 1).ToCorpus().Fingerprint.Sha256, (string?)corpus["sha256"]);
    }
}
