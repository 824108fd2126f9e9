using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Baselines;
using VmafTiny.Repro.Results;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

public sealed class BaselineStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-store-");
    private BaselineStore Store => new(_dir.FullName);

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void WriteReceived_WritesTheFileAndNeverTheBaseline()
    {
        Assert.Equal(ReceivedWrite.Written, Store.WriteReceived(TheCorpus, TheArch, ToolResult()));
        Assert.True(File.Exists(Store.ReceivedPath(TheCorpus, TheArch)));
        Assert.False(File.Exists(Store.BaselinePath(TheCorpus, TheArch)));
        Assert.Null(Store.TryReadBaseline(TheCorpus, TheArch));
    }

    [Fact]
    public void WriteReceived_DeletesAStaleReceivedFile_WhenFreshEqualsTheBaseline()
    {
        Store.WriteReceived(TheCorpus, TheArch, ToolResult());
        Store.Approve(TheCorpus, TheArch, "initial", Now, "ci");
        Store.WriteReceived(TheCorpus, TheArch, Shift(ToolResult(), null, "plcc", -1e-3));
        Assert.True(File.Exists(Store.ReceivedPath(TheCorpus, TheArch)));

        Assert.Equal(ReceivedWrite.SameAsBaseline, Store.WriteReceived(TheCorpus, TheArch, ToolResult()));
        Assert.False(File.Exists(Store.ReceivedPath(TheCorpus, TheArch)));
    }

    [Fact]
    public void Approve_PromotesReceived_AppendsHistory_AndDeletesReceived()
    {
        Store.WriteReceived(TheCorpus, TheArch, ToolResult());
        var first = Store.Approve(TheCorpus, TheArch, "initial baseline", Now, "alice");
        Assert.Null(first.Previous);

        Store.WriteReceived(TheCorpus, TheArch, Shift(ToolResult(), null, "plcc", 2e-4));
        var second = Store.Approve(TheCorpus, TheArch, "better init", Now.AddDays(1), null);

        Assert.Equal(first.Current.MeanPlcc, second.Previous!.MeanPlcc, 15);
        Assert.Equal(first.Current.MeanPlcc + 2e-4, second.Current.MeanPlcc, 12);
        Assert.False(File.Exists(Store.ReceivedPath(TheCorpus, TheArch)));
        var baseline = Store.TryReadBaseline(TheCorpus, TheArch)!;
        Assert.Equal(EvaluationResult.CurrentSchemaVersion, baseline.SchemaVersion);
        var history = baseline.History!;
        Assert.Equal(["initial baseline", "better init"], history.Select(h => h.Reason));
        Assert.Equal("alice", history[0].User);
        Assert.Equal(Now.AddDays(1), history[1].ApprovedUtc);
    }

    [Fact]
    public void Approve_KeepsNoTempFilesBehind()
    {
        Store.WriteReceived(TheCorpus, TheArch, ToolResult());
        Store.Approve(TheCorpus, TheArch, "initial", Now, null);
        var files = Directory.GetFiles(Path.Combine(_dir.FullName, TheCorpus)).Select(Path.GetFileName);
        Assert.Equal([TheArch + ".json"], files);
    }

    [Fact]
    public void Approve_FailsWithVMR3202_WhenReasonIsEmpty()
    {
        Store.WriteReceived(TheCorpus, TheArch, ToolResult());
        var e = Assert.Throws<ReproException>(() => Store.Approve(TheCorpus, TheArch, "  ", Now, null));
        Assert.Equal("VMR3202", e.Code);
        Assert.True(File.Exists(Store.ReceivedPath(TheCorpus, TheArch)));
    }

    [Fact]
    public void Approve_FailsWithVMR3203AndAHintToVerify_WhenThereIsNoReceivedFile()
    {
        var e = Assert.Throws<ReproException>(() => Store.Approve(TheCorpus, TheArch, "why", Now, null));
        Assert.Equal("VMR3203", e.Code);
        Assert.Contains("verify", e.Hint);
    }

    [Fact]
    public void TryReadBaseline_FailsWithVMR3201_WhenANewerToolWroteIt()
    {
        var newer = ToolResult();
        newer.SchemaVersion = EvaluationResult.CurrentSchemaVersion + 1;
        Directory.CreateDirectory(Path.Combine(_dir.FullName, TheCorpus));
        File.WriteAllText(Store.BaselinePath(TheCorpus, TheArch), ResultJson.Serialize(newer));
        var e = Assert.Throws<ReproException>(() => Store.TryReadBaseline(TheCorpus, TheArch));
        Assert.Equal("VMR3201", e.Code);
        Assert.Contains("newer vmaf-repro", e.Message);
        Assert.Contains("Upgrade", e.Hint);
    }

    [Fact]
    public void FindOrphanReceivedAndStaleBaselines_ReturnPairsNotConfigured()
    {
        Store.WriteReceived(TheCorpus, TheArch, ToolResult());
        Store.Approve(TheCorpus, TheArch, "initial", Now, null);
        var old = ToolResult();
        old.Arch = "mlp_old";
        Store.WriteReceived(TheCorpus, "mlp_old", old);
        Store.Approve(TheCorpus, "mlp_old", "initial", Now, null);
        Store.WriteReceived("gone-corpus", "mlp_small", ToolResult());

        (string, string)[] configured = [(TheCorpus, TheArch)];
        Assert.Equal([(TheCorpus, "mlp_old")], Store.FindStaleBaselines(configured).Select(f => (f.Corpus, f.Arch)));
        var orphan = Assert.Single(Store.FindOrphanReceived(configured));
        Assert.Equal(("gone-corpus", "mlp_small"), (orphan.Corpus, orphan.Arch));
        Assert.EndsWith("mlp_small.received.json", orphan.Path);
    }

    [Fact]
    public void Approve_FailsWithVMR3204_WhileAnotherProcessHoldsTheLock()
    {
        Store.WriteReceived(TheCorpus, TheArch, ToolResult());
        var store = new BaselineStore(_dir.FullName, TimeSpan.FromMilliseconds(200));
        using (new FileStream(Path.Combine(_dir.FullName, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var e = Assert.Throws<ReproException>(() => store.Approve(TheCorpus, TheArch, "why", Now, null));
            Assert.Equal("VMR3204", e.Code);
        }
        store.Approve(TheCorpus, TheArch, "why", Now, null);
        Assert.NotNull(store.TryReadBaseline(TheCorpus, TheArch));
    }

    [Fact]
    public async Task ConcurrentApproveAndWriteReceived_LeaveOnlyCompleteFiles()
    {
        Store.WriteReceived(TheCorpus, TheArch, ToolResult());
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            var store = new BaselineStore(_dir.FullName);
            if (i % 2 == 0) store.WriteReceived(TheCorpus, TheArch, Shift(ToolResult(), null, "plcc", i * 1e-5));
            else
            {
                try { store.Approve(TheCorpus, TheArch, $"approve {i}", Now, null); }
                catch (ReproException e) when (e.Code == "VMR3203") { }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var baseline = Store.TryReadBaseline(TheCorpus, TheArch);
        Assert.NotNull(baseline);
        Assert.Equal(45, baseline!.PerSeedPerFold.Values.Sum(f => f.Count));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.FullName, TheCorpus), "*.tmp"));
    }
}
