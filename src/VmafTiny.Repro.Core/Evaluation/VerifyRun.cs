using VmafTiny.Repro.Export;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Baselines;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Evaluation;

/// <summary>What <c>verify</c> was asked to do.</summary>
public sealed record VerifyOptions(string? CorpusFilter = null, string? ArchFilter = null, double? K = null);

/// <summary>What <c>verify</c> found: the gate report, the fresh results and received files written.</summary>
public sealed record VerifyOutcome(GateReport Report, IReadOnlyList<string> ReceivedWritten, IReadOnlyList<string> RunFiles)
{
    /// <summary>The baseline and fresh results the report judged (the charts are drawn from them).</summary>
    public IReadOnlyList<GateEntry> Entries { get; init; } = [];
}

/// <summary>
/// The verify job: evaluate every selected (corpus, arch) (reusing cached trainings), write the
/// fresh results under runs/, write a received file beside each baseline whose numbers differ,
/// and judge everything with the gate — including stale baselines and orphan received files of
/// the whole configuration. Never writes a baseline.
/// </summary>
public sealed class VerifyRun
{
    private readonly Workspace _workspace;
    private readonly IModelExporter? _exporter;

    /// <summary><paramref name="exporter"/>: runs the configured <c>"exports"</c> (none when null).</summary>
    public VerifyRun(Workspace workspace, IModelExporter? exporter = null)
    {
        _workspace = workspace;
        _exporter = exporter;
    }

    public VerifyOutcome Run(VerifyOptions options, CancellationToken cancellationToken)
    {
        var config = _workspace.Config;
        var store = _workspace.Baselines;
        var (corpora, archs) = config.SelectPairs(options.CorpusFilter, options.ArchFilter);
        var entries = new List<GateEntry>();
        var received = new List<string>();
        var runs = new List<string>();
        foreach (var spec in corpora)
        {
            var corpus = _workspace.LoadCorpus(spec, cancellationToken);
            foreach (var arch in archs)
            {
                var fresh = _workspace.Evaluate(spec, corpus, arch, cancellationToken);
                runs.Add(_workspace.WriteRun(fresh, spec.Name));
                var baseline = store.TryReadBaselineChecked(spec.Name, arch.Name, arch.Hidden);
                if (store.WriteReceived(spec.Name, arch.Name, fresh) == ReceivedWrite.Written)
                    received.Add(store.ReceivedPath(spec.Name, arch.Name));
                entries.Add(new GateEntry(spec.Name, arch.Name, baseline?.Result, fresh, store.BaselinePath(spec.Name, arch.Name), baseline?.Defects));
            }
        }
        var configured = config.Pairs.ToList();
        foreach (var stale in store.FindStaleBaselines(configured))
            entries.Add(new GateEntry(stale.Corpus, stale.Arch, ResultJson.Read(stale.Path), null, stale.Path));
        var orphans = store.FindOrphanReceived(configured).Select(f => f.Path).ToList();
        var report = new GateEvaluator(config.Policy, options.K).Evaluate(entries, orphans) with
        {
            Exports = RunExports(corpora.Select(c => c.Name).ToHashSet(), archs.Select(a => a.Name).ToHashSet(), cancellationToken),
        };
        return new VerifyOutcome(report, received, runs) { Entries = entries };
    }

    // The configured exports of the selected corpora and architectures, into runs/exports.
    private List<ExportOutcome> RunExports(HashSet<string> corpora, HashSet<string> archs, CancellationToken cancellationToken)
    {
        var config = _workspace.Config;
        var outcomes = new List<ExportOutcome>();
        if (_exporter is null) return outcomes;
        foreach (var spec in config.Exports.Where(e => corpora.Contains(e.Corpus) && archs.Contains(e.Arch)))
        {
            var corpusSpec = config.Corpora.Single(c => c.Name == spec.Corpus);
            var corpus = _workspace.LoadCorpus(corpusSpec, cancellationToken);
            var arch = config.Architectures.Single(a => a.Name == spec.Arch);
            outcomes.Add(_exporter.Export(spec, corpus, arch, config.Recipe, config.ExportsDirectory, cancellationToken));
        }
        return outcomes;
    }
}
