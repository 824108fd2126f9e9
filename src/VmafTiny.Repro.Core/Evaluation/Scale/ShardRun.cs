using System.Globalization;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Evaluation.Scale;

/// <summary>What one shard did: the plan it computed, its share, how many cells it trained.</summary>
public sealed record ShardOutcome(ShardSpec Shard, ShardPlan Plan, int Trained, int FromCache)
{
    public ShardShare Share => Plan[Shard.Index];
}

/// <summary>
/// Splitting a grid over jobs and merging it back: a shard trains only its cells into the
/// training cache (and judges nothing); the merge job checks that every cell is cached before it
/// evaluates, so it trains nothing.
/// </summary>
public static class ShardRun
{
    /// <summary>Trains shard <paramref name="shard"/>'s cells of the grid into the workspace's cache.</summary>
    public static ShardOutcome Train(Workspace workspace, IReadOnlyList<GridPart> parts, ShardSpec shard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(shard);
        if (workspace.Cache is null)
            throw new ReproException("VMR7003", "--shard with --no-cache would train cells and keep none of them",
                "Drop --no-cache: a shard's only output is the training cache (runs/cache), which cache export packs.", ExitCodes.UsageOrInputError);
        var plan = ShardPlan.Partition(GridPart.CellsOf(parts), shard.Count);
        var mine = plan[shard.Index].Cells.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var evaluator = workspace.CreateEvaluator();
        int trained = 0, cached = 0;
        foreach (var part in parts)
        {
            var wanted = part.Cells().Where(c => mine.Contains(c.Key)).Select(c => (c.Seed, c.Fold)).ToList();
            if (wanted.Count == 0) continue;
            var (t, c) = evaluator.TrainCells(part.Corpus, part.Spec, part.Arch, part.Recipe, wanted, cancellationToken);
            trained += t;
            cached += c;
        }
        return new ShardOutcome(shard, plan, trained, cached);
    }

    /// <summary>The cells of the grid that are not in the workspace's cache, each with the shard of <paramref name="shards"/> that makes it.</summary>
    public static IReadOnlyList<(GridCell Cell, int Shard)> Missing(Workspace workspace, IReadOnlyList<GridPart> parts, int shards)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(parts);
        var plan = ShardPlan.Partition(GridPart.CellsOf(parts), shards);
        var evaluator = workspace.CreateEvaluator();
        var missing = new List<(GridCell, int)>();
        foreach (var part in parts)
            foreach (var cell in part.Cells())
                if (workspace.Cache is null || !workspace.Cache.TryGet(evaluator.CacheKey(part.Corpus, part.Arch, part.Recipe, cell.Seed, cell.Fold), out _))
                    missing.Add((cell, plan.ShardOf(cell)));
        return missing;
    }

    /// <summary>Most missing cells named in the VMR7020 line (the per-shard counts name them all).</summary>
    public const int NamedMissingCells = 8;

    /// <summary>
    /// The merge job's check (<c>--from-shards N</c>): every cell of the grid must be in the cache;
    /// otherwise VMR7020 names the missing (corpus, arch, fold, seed) cells and the shards I/N that
    /// should have made them (exit 2), and nothing is trained or judged.
    /// </summary>
    public static void RequireCached(Workspace workspace, IReadOnlyList<GridPart> parts, int shards)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace.Cache is null)
            throw new ReproException("VMR7003", "--from-shards with --no-cache cannot read the shards' trainings",
                "Drop --no-cache: the merge job reads the imported training cache (runs/cache).", ExitCodes.UsageOrInputError);
        var missing = Missing(workspace, parts, shards);
        if (missing.Count == 0) return;
        var total = GridPart.CellsOf(parts).Count;
        var byShard = missing.GroupBy(m => m.Shard).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"shard {g.Key}/{shards}: {g.Count()} cells"));
        var named = string.Join("; ", missing.Take(NamedMissingCells).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Cell} (shard {m.Shard}/{shards})")));
        var more = missing.Count > NamedMissingCells ? string.Create(CultureInfo.InvariantCulture, $"; and {missing.Count - NamedMissingCells} more") : "";
        throw new ReproException("VMR7020",
            string.Create(CultureInfo.InvariantCulture, $"{missing.Count} of {total} cells of the grid are not in the training cache ({string.Join(", ", byShard)}): {named}{more}"),
            "Import the archives of those shards (vmaf-repro cache import), or re-run them with the same configuration, options and --engine; every shard and the merge must use the same grid.",
            ExitCodes.UsageOrInputError, workspace.Config.CacheDirectory);
    }
}
