using System.Diagnostics;
using System.Globalization;

using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Metrics;
using VmafTiny.Repro.Protocol;
using VmafTiny.Repro.Recipe;
using VmafTiny.Repro.Results;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Evaluation;

/// <summary>
/// Runs the multi-seed evaluation of one architecture on one corpus: every (fold, seed) training
/// through an <see cref="ITrainingEngine"/>, reusing cached trainings, and assembles an
/// <see cref="EvaluationResult"/> with metrics, aggregates and provenance.
/// </summary>
public sealed class Evaluator
{
    private readonly ITrainingEngine _engine;
    private readonly ResultCache? _cache;
    private readonly IEvaluationProgress _progress;
    private readonly string _toolVersion;

    /// <summary>Prepared fold inputs handed to the engine at once (bytes); see <see cref="PreparedInputBudget"/>.</summary>
    public long PreparedChunkBytes { get; init; } = PreparedInputBudget.ChunkBytes;

    public Evaluator(ITrainingEngine engine, ResultCache? cache, IEvaluationProgress? progress, string toolVersion)
    {
        _engine = engine;
        _cache = cache;
        _progress = progress ?? NullProgress.Instance;
        _toolVersion = toolVersion;
    }

    public EvaluationResult Evaluate(LoadedCorpus corpus, CorpusSpec spec, Architecture arch, TrainingRecipe recipe,
        IReadOnlyList<int> seeds, CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        var label = $"{spec.Name}/{arch.Name}";
        var folds = FoldPlan.Create(corpus);
        var cells = new Dictionary<(int Seed, string Fold), CellMetrics>();
        var pending = new List<(FoldSplit Fold, int Seed, string Key)>();
        foreach (var seed in seeds)
            foreach (var fold in folds)
            {
                var key = CacheKey(corpus, arch, recipe, seed, fold.HeldOut);
                if (_cache is not null && _cache.TryGet(key, out var cached)) cells[(seed, fold.HeldOut)] = cached;
                else pending.Add((fold, seed, key));
            }
        var fromCache = cells.Count;
        _progress.Started(label, seeds.Count * folds.Count, fromCache);

        TrainPending(corpus, spec, arch, recipe, label, pending, cells, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var result = new EvaluationResult
        {
            SchemaVersion = EvaluationResult.CurrentSchemaVersion,
            Arch = arch.Name,
            Label = $"{arch.Name} ({arch.Shape(corpus.FeatureCount)})",
            Parquet = spec.Path,
            NFolds = folds.Count,
            Sources = folds.Select(f => f.HeldOut).ToList(),
            Seeds = seeds.ToList(),
            Epochs = recipe.Epochs,
            Lr = recipe.LearningRate,
            BatchSize = recipe.BatchSize,
            Hidden = arch.Hidden.ToList(),
            Recipe = new RecipeInfo
            {
                Fingerprint = recipe.Fingerprint, Epochs = recipe.Epochs, BatchSize = recipe.BatchSize, Lr = recipe.LearningRate,
                Optimizer = recipe.Optimizer, Loss = recipe.Loss, StdGuard = recipe.StdGuard,
            },
            Corpus = new CorpusInfo
            {
                Name = spec.Name, Path = spec.Path, Sha256 = corpus.Fingerprint.Sha256, Rows = corpus.Fingerprint.Rows,
                RowsPerGroup = corpus.Fingerprint.RowsPerGroup.ToDictionary(kv => kv.Key, kv => kv.Value),
                GroupColumn = spec.GroupColumn, Target = spec.Target, Features = spec.Features.ToList(),
                DroppedNonFinite = corpus.ReadReport is { DroppedRows: > 0 } read
                    ? new DroppedRowsInfo
                    {
                        Rows = read.DroppedRows, RowsInFile = read.RowsInFile,
                        ByColumn = read.NonFiniteByColumn.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value),
                    }
                    : null,
                FoldAssignment = spec.AssignFolds is { } assigned
                    ? new FoldAssignmentInfo { Algorithm = Protocol.FoldAssignment.Algorithm, K = assigned.K, Seed = assigned.Seed, By = assigned.By }
                    : null,
            },
        };
        foreach (var seed in seeds)
        {
            var perFold = new Dictionary<string, CellMetrics>();
            foreach (var fold in folds) perFold[fold.HeldOut] = cells[(seed, fold.HeldOut)];
            result.PerSeedPerFold[seed.ToString(CultureInfo.InvariantCulture)] = perFold;
        }
        Aggregator.Recompute(result);
        var (intra, parallel) = _engine.Threads;
        result.Provenance = new Provenance
        {
            ToolVersion = _toolVersion, Engine = _engine.Name, EngineVersion = _engine.Version, Backend = _engine.Backend,
            IntraOpThreads = intra, ParallelTrainings = parallel,
            Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            Machine = $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores",
            CreatedUtc = DateTimeOffset.UtcNow, WallSeconds = Math.Round(sw.Elapsed.TotalSeconds, 3), TrainingsFromCache = fromCache,
        };
        _progress.Finished(label, sw.Elapsed);
        return result;
    }

    /// <summary>
    /// Trains the given (seed, fold) cells into the cache (those already cached are skipped) without
    /// assembling a result: what one shard of a split grid does. Returns (trained, already cached).
    /// </summary>
    public (int Trained, int FromCache) TrainCells(LoadedCorpus corpus, CorpusSpec spec, Architecture arch, TrainingRecipe recipe,
        IReadOnlyCollection<(int Seed, string Fold)> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var sw = Stopwatch.StartNew();
        var label = $"{spec.Name}/{arch.Name}";
        var pending = new List<(FoldSplit Fold, int Seed, string Key)>();
        var fromCache = 0;
        foreach (var fold in FoldPlan.Create(corpus))
            foreach (var (seed, _) in wanted.Where(w => w.Fold == fold.HeldOut).OrderBy(w => w.Seed))
            {
                var key = CacheKey(corpus, arch, recipe, seed, fold.HeldOut);
                if (_cache is not null && _cache.TryGet(key, out _)) fromCache++;
                else pending.Add((fold, seed, key));
            }
        _progress.Started(label, pending.Count + fromCache, fromCache);
        TrainPending(corpus, spec, arch, recipe, label, pending, [], cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        _progress.Finished(label, sw.Elapsed);
        return (pending.Count, fromCache);
    }

    /// <summary>The cache key of one (seed, fold) training with this evaluator's engine.</summary>
    public string CacheKey(LoadedCorpus corpus, Architecture arch, TrainingRecipe recipe, int seed, string fold) =>
        ResultCache.Key(corpus.Fingerprint.Sha256, arch, recipe, seed, fold, _engine.Name, _engine.Version);

    private void TrainPending(LoadedCorpus corpus, CorpusSpec spec, Architecture arch, TrainingRecipe recipe, string label,
        List<(FoldSplit Fold, int Seed, string Key)> pending, Dictionary<(int Seed, string Fold), CellMetrics> cells, CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        var needed = pending.Select(p => p.Fold).DistinctBy(f => f.HeldOut).ToList();
        PreparedInputBudget.CheckOneFold(needed, corpus.FeatureCount, corpus.Rows, spec);
        var keys = pending.ToDictionary(p => (p.Seed, p.Fold.HeldOut), p => (p.Key, p.Fold));
        var gate = new object();
        foreach (var chunk in PreparedInputBudget.Chunks(needed, corpus.FeatureCount, PreparedChunkBytes))
        {
            // One chunk of folds at a time keeps memory O(rows); the prepared inputs of a chunk are
            // released before the next is prepared.
            var prepared = chunk.ToDictionary(f => f.HeldOut, f => PrepareFold(corpus, f, recipe));
            var jobs = pending.Where(p => prepared.ContainsKey(p.Fold.HeldOut)).Select(p =>
            {
                var (trainX, trainY, testX) = prepared[p.Fold.HeldOut];
                return new TrainingJob(arch, recipe, p.Seed, p.Fold.HeldOut, corpus.FeatureCount, trainX, trainY, testX);
            }).ToList();
            _engine.Train(jobs, outcome =>
            {
                var (key, fold) = keys[(outcome.Job.Seed, outcome.Job.Fold)];
                var cell = Score(outcome, corpus.Target, fold.TestRows);
                _cache?.Put(key, cell);
                lock (gate) cells[(outcome.Job.Seed, outcome.Job.Fold)] = cell;
                _progress.TrainingCompleted(label, outcome.Job.Seed, outcome.Job.Fold, outcome.Wall, outcome.Diverged);
            }, cancellationToken);
        }
    }

    /// <summary>One fold's training and held-out inputs, standardised with the fold's training statistics (float32).</summary>
    public static (float[] TrainX, float[] TrainY, float[] TestX) PrepareFold(LoadedCorpus corpus, FoldSplit fold, TrainingRecipe recipe)
    {
        var trainRows = fold.TrainRows;
        var (mean, std) = Standardizer.Fit(corpus.Features, corpus.FeatureCount, trainRows, recipe.StdGuard);
        return (Standardizer.Apply(corpus.Features, corpus.FeatureCount, trainRows, mean, std),
                Standardizer.Targets(corpus.Target, trainRows),
                Standardizer.Apply(corpus.Features, corpus.FeatureCount, fold.TestRows, mean, std));
    }

    /// <summary>Metrics of one training on its held-out rows.</summary>
    public static CellMetrics Score(TrainingOutcome outcome, double[] target, int[] testRows)
    {
        var truth = new double[testRows.Length];
        for (var i = 0; i < testRows.Length; i++) truth[i] = target[testRows[i]];
        var pred = outcome.Predictions;
        var cell = new CellMetrics
        {
            N = testRows.Length,
            Diverged = outcome.Diverged,
            FinalLoss = double.IsFinite(outcome.FinalLoss) ? outcome.FinalLoss : null,
            WallSeconds = Math.Round(outcome.Wall.TotalSeconds, 3),
        };
        if (outcome.Diverged)
        {
            cell.Plcc = cell.Srocc = cell.Rmse = double.NaN;
            cell.Krocc = double.NaN;
            cell.Note = $"training diverged (final loss {outcome.FinalLoss.ToString(CultureInfo.InvariantCulture)})";
            return cell;
        }
        cell.Plcc = Correlation.Plcc(pred, truth);
        cell.Srocc = Correlation.Srocc(pred, truth);
        cell.Krocc = Correlation.Krocc(pred, truth);
        cell.Rmse = Correlation.Rmse(pred, truth);
        if (double.IsNaN(cell.Plcc))
            cell.Note = pred.Distinct().Count() == 1
                ? "predictions are constant: PLCC/SROCC/KROCC undefined"
                : "target is constant on this fold: PLCC/SROCC/KROCC undefined";
        return cell;
    }
}
