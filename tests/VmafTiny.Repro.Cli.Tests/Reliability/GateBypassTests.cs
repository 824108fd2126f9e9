using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// Ways a regression used to exit 0 (issue 15, cases 6-9): the gate never passes on nothing, and
/// approve promotes only a complete result of the very pair.
/// </summary>
public sealed class GateBypassTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-1")]
    public void Verify_ExitsTwo_WhenKIsNotAFinitePositiveNumber(string k)
    {
        using var repo = TempRepo.FromTemplate();
        Expect.OneLineError(CliHost.Run(repo, "verify", "--k", k), 2, "VMR3100", "--k must be a finite number > 0");
    }

    [Fact]
    public void Verify_ExitsTwo_WhenAFloorIsInfinite()
    {
        using var repo = TempRepo.FromTemplate();
        var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
        config["policy"] = new JObject { ["floors"] = new JObject { ["plcc"] = "Infinity" } };
        File.WriteAllText(repo.ConfigPath, config.ToString());

        Expect.OneLineError(CliHost.Run(repo, "verify", "--threads", "1"), 2, "VMR3106", "floor of plcc", "must be finite");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("missing")]
    public void Verify_ExitsThree_WithInvalidBaseline_WhenTheBaselineCellMetricsAreUnusable(string value)
    {
        using var repo = TempRepo.FromTemplate();
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        foreach (var seed in ((JObject)baseline["per_seed_per_fold"]!).Properties())
            foreach (var fold in ((JObject)seed.Value).Properties())
                foreach (var metric in new[] { "plcc", "srocc", "krocc", "rmse" })
                {
                    var cell = (JObject)fold.Value;
                    if (value == "missing") cell.Remove(metric);
                    else cell[metric] = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                }
        TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "1", "--diagnostics", "msbuild");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("invalid baseline", result.Output);
        Assert.Contains("error VMR1009: nf/tiny has an invalid baseline: fold ", result.Output);
        Assert.DoesNotContain("gate passed", result.Output);
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
    }

    [Theory]
    [InlineData("arch", "its arch is 'small', not 'tiny'")]
    [InlineData("hidden", "its hidden widths [4,4] differ from the configured [4] of 'tiny'")]
    [InlineData("corpus", "its corpus.name is 'konvid', not 'nf'")]
    public void Verify_ExitsThree_WithInvalidBaseline_WhenTheBaselinesOwnFieldsDisagreeWithItsPlace(string field, string expected)
    {
        using var repo = TempRepo.FromTemplate();
        var baseline = TempRepo.ReadJson(repo.BaselinePath("tiny"));
        switch (field)
        {
            case "arch": baseline["arch"] = "small"; break;
            case "hidden": baseline["hidden"] = new JArray(4, 4); break;
            default: baseline["corpus"]!["name"] = "konvid"; break;
        }
        TempRepo.WriteJson(repo.BaselinePath("tiny"), baseline);
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "verify", "--arch", "tiny", "--threads", "1", "--diagnostics", "msbuild");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"error VMR1009: nf/tiny has an invalid baseline: {expected}", result.Output);
        Assert.DoesNotContain("gate passed", result.Output);
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
    }

    [Theory]
    [InlineData("--corpus", ",")]
    [InlineData("--arch", " , ")]
    public void Verify_ExitsTwo_WhenTheSelectionNamesNothing(string option, string value)
    {
        using var repo = TempRepo.FromTemplate();
        Expect.OneLineError(CliHost.Run(repo, "verify", option, value), 2, "VMR3100", "names no");
    }

    [Fact]
    public void Verify_ExitsTwo_WhenNoArchitectureIsConfigured()
    {
        using var repo = TempRepo.FromTemplate();
        var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
        config["architectures"] = new JObject();
        File.WriteAllText(repo.ConfigPath, config.ToString());
        Expect.OneLineError(CliHost.Run(repo, "verify"), 2, "VMR3100", "no (corpus, arch) pair is selected");
    }

    [Theory]
    [InlineData("empty object")]
    [InlineData("other arch")]
    [InlineData("missing metric")]
    [InlineData("other corpus")]
    public void Approve_RefusesAndKeepsTheBaseline_WhenTheReceivedFileIsNotACompleteResultOfThePair(string kind)
    {
        using var repo = TempRepo.FromTemplate();
        var received = kind switch
        {
            "empty object" => new JObject(),
            "other arch" => TempRepo.ReadJson(repo.BaselinePath("small")),
            "missing metric" => Edit(TempRepo.ReadJson(repo.BaselinePath("tiny")), r => ((JObject)r["per_seed_per_fold"]!["0"]!.First!.First!).Remove("rmse")),
            _ => Edit(TempRepo.ReadJson(repo.BaselinePath("tiny")), r => r["corpus"]!["name"] = "konvid"),
        };
        TempRepo.WriteJson(repo.ReceivedPath("tiny"), received);
        var before = File.ReadAllBytes(repo.BaselinePath("tiny"));

        var result = CliHost.Run(repo, "approve", "--arch", "tiny", "--reason", "test");

        Expect.OneLineError(result, 2, "VMR3205", "cannot become its baseline");
        Assert.Equal(before, File.ReadAllBytes(repo.BaselinePath("tiny")));
    }

    private static JObject Edit(JObject json, Action<JObject> edit)
    {
        edit(json);
        json.Remove("history");
        return json;
    }
}
