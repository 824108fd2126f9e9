using System.Diagnostics;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using VmafTiny.Repro.Gate.Baselines;
using Xunit.Abstractions;

namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>kill -9 at random moments of approve never leaves a torn or missing baseline.</summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Slow")]
public sealed class KillDuringApproveTests(ITestOutputHelper output)
{
    private const int Iterations = 20;
    private const string Reason = "kill -9 test";

    [Fact]
    public void Approve_LeavesTheOldOrTheNewCompleteBaseline_WhenKilledAtRandomMoments()
    {
        using var repo = TempRepo.FromTemplate();
        var baselinePath = repo.BaselinePath("tiny");
        var oldBytes = File.ReadAllBytes(baselinePath);
        var fresh = TempRepo.ReadJson(repo.RunPath("tiny"));
        ResultEdits.ShiftFold(fresh, "Tennis", "plcc", -0.01);
        var receivedBytes = System.Text.Encoding.UTF8.GetBytes(fresh.ToString());
        string[] args = ["approve", "--arch", "tiny", "--reason", Reason];

        // How long an undisturbed (warm) approve takes, process start included.
        var full = TimeSpan.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            Reset(repo, oldBytes, receivedBytes);
            var clock = Stopwatch.StartNew();
            var calibration = ToolProcess.Run(repo.Root, TimeSpan.FromSeconds(60), args);
            full = clock.Elapsed < full ? clock.Elapsed : full;
            Assert.True(calibration.ExitCode == 0, calibration.Output + calibration.Errors);
            AssertNew(baselinePath, fresh);
        }

        var random = new System.Random(20261126);
        int old = 0, @new = 0, killedWhileWriting = 0;
        var leftovers = new HashSet<string>();
        for (var i = 0; i < Iterations; i++)
        {
            Reset(repo, oldBytes, receivedBytes);
            // Even iterations: kill at a random moment of the run. Odd ones: kill the moment the
            // temp file of the new baseline appears, i.e. while it is being written and renamed.
            using var watcher = new FileSystemWatcher(Path.GetDirectoryName(baselinePath)!, ".tiny.json.*.tmp");
            using (var tool = ToolProcess.Start(repo.Root, args))
            {
                if (i % 2 == 1)
                {
                    watcher.Created += (_, _) =>
                    {
                        if (tool.HasExited) return;
                        tool.Signal(ToolProcess.SigKill);
                        Interlocked.Increment(ref killedWhileWriting);
                    };
                    watcher.EnableRaisingEvents = true;
                }
                else
                {
                    Thread.Sleep(TimeSpan.FromMilliseconds(full.TotalMilliseconds * (0.3 + 0.7 * random.NextDouble())));
                    if (!tool.HasExited) tool.Signal(ToolProcess.SigKill);
                }
                Assert.True(tool.WaitForExit(TimeSpan.FromSeconds(30)));
                watcher.EnableRaisingEvents = false;
            }

            var bytes = File.ReadAllBytes(baselinePath); // it must exist: never deleted, only replaced
            if (bytes.AsSpan().SequenceEqual(oldBytes)) old++;
            else
            {
                AssertNew(baselinePath, fresh);
                @new++;
            }
            // Nothing but the baselines, the received file and hidden temp files of a killed write.
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(baselinePath)!))
            {
                var name = Path.GetFileName(file);
                if (name is "tiny.json" or "small.json" or "tiny.received.json") continue;
                Assert.True(name.StartsWith(".tiny.json.", StringComparison.Ordinal) && name.EndsWith(".tmp", StringComparison.Ordinal), $"unexpected file {name}");
                leftovers.Add(name);
            }
            // The store never mistakes a temp file for a baseline.
            Assert.Equal(["small", "tiny"], new BaselineStore(repo.BaselinesDir).ListBaselines().Select(b => b.Arch));
        }
        output.WriteLine($"undisturbed approve: {full.TotalMilliseconds:0} ms; {Iterations} runs, {killedWhileWriting} killed while writing: " +
            $"{old} left the old baseline, {@new} the new one, {leftovers.Count} hidden temp files left by killed writes");
        Assert.Equal(Iterations, old + @new);

        // The next successful approve sweeps the temp files of the killed ones.
        Reset(repo, oldBytes, receivedBytes);
        Assert.Equal(0, ToolProcess.Run(repo.Root, TimeSpan.FromSeconds(60), args).ExitCode);
        Assert.DoesNotContain(TempRepo.FilesUnder(repo.BaselinesDir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private static void Reset(TempRepo repo, byte[] oldBytes, byte[] receivedBytes)
    {
        File.WriteAllBytes(repo.BaselinePath("tiny"), oldBytes);
        File.WriteAllBytes(repo.ReceivedPath("tiny"), receivedBytes);
    }

    private static void AssertNew(string baselinePath, JObject received)
    {
        var baseline = TempRepo.ReadJson(baselinePath); // parses: complete
        Assert.True(JToken.DeepEquals(received["per_seed_per_fold"], baseline["per_seed_per_fold"]), "the baseline is neither the old nor the approved one");
        Assert.Equal(Reason, (string?)((JArray)baseline["history"]!).Last()["reason"]);
    }
}
