using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Baselines;
using VmafTiny.Repro.Results;
using static VmafTiny.Repro.Core.Tests.Gate.GateFixtures;

namespace VmafTiny.Repro.Core.Tests.Gate;

/// <summary>A baseline whose own arch, hidden widths or corpus name disagree with where it lies is an invalid baseline, naming the field.</summary>
public sealed class BaselinePlaceTests : IDisposable
{
    private static readonly int[] Configured = [32, 16];
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-place-");
    private BaselineStore Store => new(_dir.FullName);

    public void Dispose() => _dir.Delete(recursive: true);

    private void WriteBaseline(EvaluationResult r)
    {
        var path = Store.BaselinePath(TheCorpus, TheArch);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ResultJson.Serialize(r));
    }

    private static EvaluationResult Placed()
    {
        var r = ToolResult();
        r.Hidden = [.. Configured];
        return r;
    }

    [Fact]
    public void TryReadBaselineChecked_HasNoDefects_WhenTheBaselineSaysItIsThePairItBelongsTo()
    {
        WriteBaseline(Placed());
        Assert.Empty(Store.TryReadBaselineChecked(TheCorpus, TheArch, Configured)!.Value.Defects);
    }

    [Fact]
    public void TryReadBaselineChecked_NamesTheArch_WhenTheBaselineIsAnotherArchitecturesFile()
    {
        var r = Placed();
        r.Arch = "mlp_small";
        WriteBaseline(r);
        var defect = Assert.Single(Store.TryReadBaselineChecked(TheCorpus, TheArch, Configured)!.Value.Defects);
        Assert.Equal($"its arch is 'mlp_small', not '{TheArch}'", defect);
    }

    [Fact]
    public void TryReadBaselineChecked_NamesTheHiddenWidths_WhenTheyDifferFromTheConfiguredArchitecture()
    {
        var r = Placed();
        r.Hidden = [16, 8];
        WriteBaseline(r);
        var defect = Assert.Single(Store.TryReadBaselineChecked(TheCorpus, TheArch, Configured)!.Value.Defects);
        Assert.Equal($"its hidden widths [16,8] differ from the configured [32,16] of '{TheArch}'", defect);
    }

    [Fact]
    public void TryReadBaselineChecked_NamesTheCorpusName_WhenTheBaselineIsAnotherCorpussFile()
    {
        var r = Placed();
        r.Corpus!.Name = "konvid-synth";
        WriteBaseline(r);
        var defect = Assert.Single(Store.TryReadBaselineChecked(TheCorpus, TheArch, Configured)!.Value.Defects);
        Assert.Equal($"its corpus.name is 'konvid-synth', not '{TheCorpus}'", defect);
    }

    [Fact]
    public void TryReadBaselineChecked_AcceptsAPythonReferenceFile_ThatHasNoHiddenAndNoCorpusSection()
    {
        WriteBaseline(PythonBaseline());
        Assert.Empty(Store.TryReadBaselineChecked(TheCorpus, TheArch, Configured)!.Value.Defects);
    }

    [Fact]
    public void Gate_JudgesAMisplacedBaselineInvalid_NotPassed()
    {
        var r = Placed();
        r.Arch = "mlp_small";
        WriteBaseline(r);
        var (baseline, defects) = Store.TryReadBaselineChecked(TheCorpus, TheArch, Configured)!.Value;

        var pair = new GateEvaluator(GatePolicy.Default).Evaluate([new GateEntry(TheCorpus, TheArch, baseline, Placed(), BaselineDefects: defects)]).Pairs[0];

        Assert.Equal(GateVerdict.InvalidBaseline, pair.Verdict);
        Assert.Contains("its arch is 'mlp_small'", pair.Reason);
    }
}
