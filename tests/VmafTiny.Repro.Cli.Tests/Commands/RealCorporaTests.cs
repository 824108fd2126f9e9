using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Commands;

/// <summary>
/// The users' real files as the reference pipeline writes them (README "Gating your real corpora"):
/// the KoNViD pairs file through <c>vmaf-repro folds</c> and through "folds" on the fly, and the
/// Netflix reference schema with libvmaf's integer_ names.
/// </summary>
public sealed class RealCorporaTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "reference", name);

    private static TempRepo RepoWith(string corpora, params string[] fixtures)
    {
        var repo = TempRepo.CreateEmpty();
        Directory.CreateDirectory(Path.Combine(repo.Root, "data"));
        foreach (var f in fixtures) File.Copy(Fixture(f), Path.Combine(repo.Root, "data", f));
        File.WriteAllText(repo.ConfigPath, $$"""
            { "schema_version": 1, "seeds": [0, 1], "recipe": { "epochs": 2, "batch_size": 64, "lr": 0.001 },
              "architectures": { "tiny": [4] }, "corpora": { {{corpora}} } }
            """);
        return repo;
    }

    private const string OnTheFly = """
        "konvid": { "path": "data/konvid_pairs.parquet", "protocol": "kfold", "group_column": "key", "folds": 5, "fold_seed": 3 }
        """;

    private static string Sha(TempRepo repo, string corpus) =>
        (string)TempRepo.ReadJson(Path.Combine(repo.RunsDir, corpus, "tiny.json"))["corpus"]!["sha256"]!;

    [Fact]
    public void Folds_WritesTheFoldsFile_AndTheRunOnItMatchesTheOnTheFlyRun()
    {
        using var repo = RepoWith(OnTheFly + """
            , "konvid-folds": { "path": "data/konvid_folds.parquet", "protocol": "kfold", "group_column": "source" }
            """, "konvid_pairs.parquet");

        var folds = CliHost.Run(repo, "folds", "--corpus", "data/konvid_pairs.parquet", "--by", "key", "--k", "5", "--seed", "3", "--out", "data/konvid_folds.parquet");
        var onTheFly = CliHost.Run(repo, "run", "--corpus", "konvid", "--arch", "tiny", "--threads", "1");
        var fromFile = CliHost.Run(repo, "run", "--corpus", "konvid-folds", "--arch", "tiny", "--threads", "1");

        Assert.True(folds.ExitCode == 0, folds.ToString());
        Assert.Contains("assigned 24 groups of 'key' to 5 folds (seed 3)", folds.Output);
        Assert.True(onTheFly.ExitCode == 0, onTheFly.ToString());
        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.Equal(Sha(repo, "konvid-folds"), Sha(repo, "konvid"));
        Assert.Contains($"corpus sha256 with these folds: {Sha(repo, "konvid")}", folds.Output);
        var run = TempRepo.ReadJson(Path.Combine(repo.RunsDir, "konvid", "tiny.json"));
        Assert.Equal(["fold0", "fold1", "fold2", "fold3", "fold4"], run["sources"]!.Select(t => (string)t!));
        Assert.Equal(5, (int)run["corpus"]!["fold_assignment"]!["k"]!);
        Assert.Equal(3, (int)run["corpus"]!["fold_assignment"]!["seed"]!);
        Assert.Equal("key", (string?)run["corpus"]!["fold_assignment"]!["by"]);
        Assert.Null(TempRepo.ReadJson(Path.Combine(repo.RunsDir, "konvid-folds", "tiny.json"))["corpus"]!["fold_assignment"]);
    }

    [Fact]
    public void Verify_IsNotComparable_WhenTheFoldSeedOfAnOnTheFlyKfoldChanges()
    {
        using var repo = RepoWith(OnTheFly, "konvid_pairs.parquet");
        var first = CliHost.Run(repo, "verify", "--threads", "1");
        var approve = CliHost.Run(repo, "approve", "--reason", "first baseline of the pairs file");
        File.WriteAllText(repo.ConfigPath, File.ReadAllText(repo.ConfigPath).Replace("\"fold_seed\": 3", "\"fold_seed\": 4", StringComparison.Ordinal));

        var again = CliHost.Run(repo, "verify", "--threads", "1");

        Assert.True(first.ExitCode == 3, first.ToString()); // missing baseline
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.True(again.ExitCode == 3, again.ToString());
        Assert.Contains("corpus sha256 differs", again.Output);
    }

    [Theory]
    [InlineData("1", "VMR2022")]
    [InlineData("25", "VMR2021")]
    public void Folds_ExitsWith2AndACode_WhenKCannotBeDealt(string k, string code)
    {
        using var repo = RepoWith("", "konvid_pairs.parquet");

        var result = CliHost.Run(repo, "folds", "--corpus", "data/konvid_pairs.parquet", "--k", k, "--out", "data/out.parquet");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"error {code}: ", result.ErrorLines[0]);
        Assert.False(File.Exists(Path.Combine(repo.Root, "data", "out.parquet")));
    }

    [Fact]
    public void Folds_ExitsWith2AndVMR2004_WhenTheByColumnIsMissing()
    {
        using var repo = RepoWith("", "konvid_pairs.parquet");

        var result = CliHost.Run(repo, "folds", "--corpus", "data/konvid_pairs.parquet", "--by", "clip", "--out", "data/out.parquet");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("error VMR2004: ", result.ErrorLines[0]);
        Assert.Contains("'clip'", result.ErrorLines[0]);
    }

    [Fact]
    public void Run_ReadsTheNetflixReferenceSchema_WithIntegerPrefixedFeatures()
    {
        using var repo = RepoWith("""
            "netflix": { "path": "data/netflix_reference_integer.parquet", "protocol": "loso", "group_column": "source" }
            """, "netflix_reference_integer.parquet");

        var result = CliHost.Run(repo, "run", "--corpus", "netflix", "--arch", "tiny", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = TempRepo.ReadJson(Path.Combine(repo.RunsDir, "netflix", "tiny.json"));
        Assert.Equal(["BigBuckBunny", "CrowdRun", "Tennis"], json["sources"]!.Select(t => (string)t!));
        Assert.Equal(360, (int)json["corpus"]!["rows"]!);
    }

    // A baseline whose SROCC is 0.01 lower in every cell than what this tool computes on the same
    // models: what the reference's arbitrary tie ranks look like next to averaged ones.
    private static void LowerSroccEverywhere(TempRepo repo, bool referenceFormat)
    {
        var json = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        if (referenceFormat) json = ResultEdits.ToPythonReference(json);
        foreach (var fold in json["sources"]!.Select(t => (string)t!))
            ResultEdits.ShiftFold(json, fold, "srocc", -0.01);
        TempRepo.WriteJson(repo.BaselinePath("tiny"), json);
    }

    private static string Row(CliResult result) =>
        Assert.Single(result.Output.Split('\n'), l => l.Contains(" tiny ", StringComparison.Ordinal));

    [Fact]
    public void Verify_PassesAndSaysWhySroccIsNotCompared_AgainstAReferenceFormatBaseline()
    {
        using var repo = TempRepo.FromTemplate();
        LowerSroccEverywhere(repo, referenceFormat: true);

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Row(result);
        Assert.Contains("pass", row);
        Assert.Contains("not compared: srocc (reference-format baseline: SROCC tie handling differs (arbitrary vs averaged ranks))", row);
    }

    [Fact]
    public void Verify_NamesTheImprovedMetric_InTheTableDetail()
    {
        using var repo = TempRepo.FromTemplate();
        LowerSroccEverywhere(repo, referenceFormat: false);

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Row(result);
        Assert.Contains("improved", row);
        Assert.Contains("improved: srocc +0.010000 beyond band ±", row);
        Assert.Contains("; approve to keep the improvement", row);

        var msbuild = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "1", "--diagnostics", "msbuild");
        Assert.True(msbuild.ExitCode == 0, msbuild.ToString());
        Assert.Contains("warning VMR1006: nf/tiny improved: srocc Δ +0.010000 beyond band ±", msbuild.Output);
    }
}
