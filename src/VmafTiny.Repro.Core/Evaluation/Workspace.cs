using VmafTiny.Repro.Config;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Baselines;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;
using VmafTiny.Repro.Synthetic;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Evaluation;

/// <summary>
/// A repository as the tool sees it: its configuration, corpora, training cache, fresh results
/// under <c>runs/</c> and baselines. Front-ends (CLI, benchmarks) drive evaluations through it.
/// </summary>
public sealed class Workspace
{
    private readonly ITrainingEngine _engine;
    private readonly IEvaluationProgress _progress;
    private readonly string _toolVersion;
    private readonly Action<string> _log;

    public Workspace(ReproConfig config, ITrainingEngine engine, IEvaluationProgress? progress, string toolVersion, Action<string>? log = null, bool useCache = true)
    {
        Config = config;
        _engine = engine;
        _progress = progress ?? NullProgress.Instance;
        _toolVersion = toolVersion;
        _log = log ?? (_ => { });
        Cache = useCache ? new ResultCache(config.CacheDirectory) : null;
        Baselines = new BaselineStore(config.BaselinesDirectory);
    }

    public ReproConfig Config { get; }
    public ResultCache? Cache { get; }
    public BaselineStore Baselines { get; }

    /// <summary>Where <c>run</c>/<c>verify</c> write the fresh result of a pair.</summary>
    public string RunPath(string corpus, string arch) => Path.Combine(Config.RunsDirectory, corpus, arch + ".json");

    /// <summary>
    /// Reads a corpus; a configured synthetic corpus whose file does not exist yet, or was written by
    /// another generator version or for other settings, is generated first (deterministically: the
    /// same bytes on every machine). A corpus with <c>"folds"</c> has its groups dealt into folds
    /// (<see cref="Protocol.FoldAssignment"/>).
    /// </summary>
    public LoadedCorpus LoadCorpus(CorpusSpec spec, CancellationToken cancellationToken)
    {
        if (Config.Synthetic.TryGetValue(spec.Name, out var synth) && NeedsGenerating(spec.Path, synth))
        {
            _log($"generating synthetic corpus '{spec.Name}' ({synth.Shape}, {synth.Rows} rows) at {spec.Path}");
            GenerateSynthetic(synth, spec.Path);
        }
        var corpus = new CorpusReader().Read(spec, cancellationToken);
        if (spec.AssignFolds is { } folds)
            corpus = Protocol.FoldAssignment.Apply(corpus, folds, spec.Target);
        if (corpus.ReadReport is { DroppedRows: > 0 } read)
            _log($"corpus '{spec.Name}': dropped {read.DroppedRows} of {read.RowsInFile} rows with NaN/Inf/null values (drop_non_finite; " +
                 $"{string.Join(", ", read.NonFiniteByColumn.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}"))}): {spec.Path}");
        return corpus;
    }

    private static bool NeedsGenerating(string path, SyntheticCorpusSettings synth) =>
        synth.Problem() is null
            ? SyntheticCorpus.NeedsGenerating(path, synth.ParsedShape!.Value, synth.Rows, (ulong)synth.Seed)
            : !File.Exists(path); // GenerateSynthetic reports the problem

    /// <summary>
    /// Writes a synthetic corpus described by <paramref name="settings"/> to <paramref name="path"/>;
    /// <paramref name="special"/>: <see cref="SpecialTarget.WriteInPlace"/> when the user named the path (<c>synth --out</c>).
    /// </summary>
    public static void GenerateSynthetic(SyntheticCorpusSettings settings, string path, SpecialTarget special = SpecialTarget.Refuse, CancellationToken cancellationToken = default)
    {
        if (settings.Problem() is { } problem)
            throw new ReproException("VMR3108", problem, "Fix the corpus's \"synthetic\" section (or the synth options).", ExitCodes.UsageOrInputError);
        var data = SyntheticCorpus.Generate(settings.ParsedShape!.Value, settings.Rows, (ulong)settings.Seed);
        SyntheticCorpus.WriteParquet(data, path, special, cancellationToken);
    }

    /// <summary>An evaluator with this workspace's engine, cache and progress.</summary>
    public Evaluator CreateEvaluator() => new(_engine, Cache, _progress, _toolVersion);

    /// <summary>Evaluates one architecture on one corpus (cached trainings are reused).</summary>
    public EvaluationResult Evaluate(CorpusSpec spec, LoadedCorpus corpus, Architecture arch, CancellationToken cancellationToken,
        IReadOnlyList<int>? seeds = null, TrainingRecipe? recipe = null)
    {
        return CreateEvaluator().Evaluate(corpus, spec, arch, recipe ?? Config.Recipe, seeds ?? Config.Seeds, cancellationToken);
    }

    /// <summary>Writes a fresh result atomically (to <paramref name="path"/>, default <see cref="RunPath"/>); returns the path.</summary>
    /// <remarks>A <paramref name="path"/> the user named may be a character device or FIFO (written in place); the default never is.</remarks>
    public string WriteRun(EvaluationResult result, string corpus, string? path = null, CancellationToken cancellationToken = default)
    {
        var special = path is null ? SpecialTarget.Refuse : SpecialTarget.WriteInPlace;
        path ??= RunPath(corpus, result.Arch);
        AtomicFile.WriteAllText(path, ResultJson.Serialize(result), special, cancellationToken);
        return path;
    }
}
