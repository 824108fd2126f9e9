using System.Security.Cryptography;
using CsCheck;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// Random mutations of the configuration, the baselines and the received files, then a random
/// command, on a copy of the small template repository (tiny architectures, warm cache). Whatever
/// happens: never exit 70, never a write outside the repository (checked on a folder outside it
/// that the mutations point symlinks at), never a changed baseline without approve.
/// A bounded number of cases (VMR_PROPERTY_CASES, default 25: about 25 s here) keeps it fast in CI.
/// </summary>
public sealed class MutationPropertyTests(ITestOutputHelper output)
{
    private static readonly JToken[] Values =
    [
        JValue.CreateNull(), 0, -1, 1, 2, 2147483647, 1e308, -1e308, "NaN", "Infinity", "x", "", "..", "tiny.received",
        "a\u0000b", "new\nline", ".lock", "baselines", ".", "vmaf-repro.json", "runs/x", new JArray(), new JObject(),
        new JArray(4), new JArray(0), new JArray(100000, 100000), new JArray(-1), new JArray(1, 1), new JArray("a"),
    ];

    private static readonly string[] ConfigKeys =
    [
        "seeds", "recipe.epochs", "recipe.batch_size", "recipe.lr", "architectures.tiny", "architectures.x", "corpora.nf.protocol",
        "corpora.nf.path", "corpora.nf.group_column", "corpora.nf.features", "corpora.nf.target", "baselines_dir", "runs_dir",
        "policy.k", "policy.alpha", "policy.floors.plcc", "policy.overrides", "schema_version", "corpora.x",
    ];

    private static readonly string[][] Commands =
    [
        ["verify", "--threads", "1"],
        ["verify", "--threads", "1", "--diagnostics", "msbuild", "--report", "json", "--report-file", "report.json"],
        ["verify", "--threads", "1", "--arch", "tiny", "--warn-only"],
        ["run", "--corpus", "nf", "--arch", "tiny", "--threads", "1", "--seeds", "0"],
        ["approve", "--reason", "property test"],
        ["inputs"],
    ];

    [Fact]
    public void AnyMutation_NeverCrashes_NeverWritesOutside_NeverChangesABaselineWithoutApprove()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("VMR_PROPERTY_CASES"), out var n) ? n : 25;
        var gen = Gen.Select(Gen.Int[0, int.MaxValue].Array[1, 4], Gen.Int[0, Commands.Length - 1]);
        gen.Sample((mutations, command) => RunCase(mutations, Commands[command]), iter: cases, threads: 1,
            print: t => $"mutations [{string.Join(",", t.Item1)}], command '{string.Join(" ", Commands[t.Item2])}'");
    }

    private void RunCase(int[] mutations, string[] command)
    {
        using var repo = TempRepo.FromTemplate();
        var outside = Path.Combine(Path.GetTempPath(), $"vmr-property-outside-{Guid.NewGuid():N}");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "victim.json"), "{}");
        try
        {
            var applied = mutations.Select(m => Mutate(repo, outside, m)).ToList();
            var baselines = BaselineHashes(repo);
            var outsideBefore = Hashes(outside);

            var result = CliHost.Run(repo, command);
            var story = $"{string.Join("; ", applied)} | {string.Join(" ", command)} -> {result}";

            Assert.True(result.ExitCode != 70, story);
            Assert.DoesNotContain("VMR9999", result.All);
            Assert.Equal(outsideBefore, Hashes(outside));
            if (command[0] != "approve")
                Assert.True(baselines.SequenceEqual(BaselineHashes(repo)), $"a baseline changed without approve: {story}");
            output.WriteLine($"exit {result.ExitCode}: {string.Join("; ", applied)} | {string.Join(" ", command)}");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    // One mutation chosen by the number: a configuration value, a baseline edit, a received file, or a symlink out.
    private static string Mutate(TempRepo repo, string outside, int m)
    {
        var value = Values[m / 7 % Values.Length];
        switch (m % 7)
        {
            case 0:
            case 1:
                var key = ConfigKeys[m / 11 % ConfigKeys.Length];
                var config = JObject.Parse(File.ReadAllText(repo.ConfigPath));
                Set(config, key, value);
                File.WriteAllText(repo.ConfigPath, config.ToString());
                return $"config {key} = {value.ToString(Newtonsoft.Json.Formatting.None)}";
            case 2:
                var arch = m / 13 % 2 == 0 ? "tiny" : "small";
                var baseline = TempRepo.ReadJson(repo.BaselinePath(arch));
                var metric = new[] { "plcc", "srocc", "krocc", "rmse", "n" }[m / 17 % 5];
                foreach (var seed in ((JObject)baseline["per_seed_per_fold"]!).Properties())
                    foreach (var fold in ((JObject)seed.Value).Properties().Where((_, i) => i % 2 == m / 19 % 2))
                        if (m / 23 % 3 == 0) ((JObject)fold.Value).Remove(metric);
                        else fold.Value[metric] = value.DeepClone();
                TempRepo.WriteJson(repo.BaselinePath(arch), baseline);
                return $"baseline {arch}: {metric} = {value.ToString(Newtonsoft.Json.Formatting.None)} or removed";
            case 3:
                var target = m / 13 % 2 == 0 ? "tiny" : "small";
                var received = (m / 29 % 3) switch
                {
                    0 => TempRepo.ReadJson(repo.BaselinePath(target == "tiny" ? "small" : "tiny")).ToString(),
                    1 => value.ToString(),
                    _ => "{ \"per_seed_per_fold\": " + value.ToString() + " }",
                };
                File.WriteAllText(repo.ReceivedPath(target), received);
                return $"received {target} = {received[..Math.Min(40, received.Length)]}";
            case 4:
                var lockPath = Path.Combine(repo.BaselinesDir, ".lock");
                File.Delete(lockPath);
                File.CreateSymbolicLink(lockPath, Path.Combine(outside, m / 7 % 2 == 0 ? "victim.json" : "new-file"));
                return "baselines/.lock -> outside";
            case 5:
                var which = m / 7 % 2 == 0 ? repo.ReceivedPath("tiny") : Path.Combine(repo.Root, "report.json");
                File.Delete(which);
                File.CreateSymbolicLink(which, Path.Combine(outside, "victim.json"));
                return $"{Path.GetFileName(which)} -> outside";
            default:
                var dir = Path.Combine(repo.BaselinesDir, m / 7 % 2 == 0 ? "nf" : "x");
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, $"{(m / 7 % 3 == 0 ? "tiny" : "orphan")}.received.json"), value.ToString());
                return $"{Path.GetFileName(dir)}/... received = {value.ToString(Newtonsoft.Json.Formatting.None)}";
        }
    }

    private static void Set(JObject root, string path, JToken value)
    {
        var parts = path.Split('.');
        JObject at = root;
        foreach (var p in parts[..^1])
        {
            if (at[p] is not JObject next) at[p] = next = new JObject();
            at = next;
        }
        at[parts[^1]] = value.DeepClone();
    }

    // Baselines only (not received files, not the lock): the files only approve may change.
    private static List<(string, string)> BaselineHashes(TempRepo repo) =>
        TempRepo.FilesUnder(repo.BaselinesDir)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".received.json", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.'))
            .Select(f => (f, Hash(f))).ToList();

    private static List<(string, string)> Hashes(string dir) =>
        Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, Hash(f))).ToList();

    private static string Hash(string file) => File.Exists(file) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) : "missing";
}
