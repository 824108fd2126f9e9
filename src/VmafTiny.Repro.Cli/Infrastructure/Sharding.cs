using System.Globalization;
using Spectre.Console;
using VmafTiny.Repro.Cli.Commands;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Evaluation.Scale;

namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>
/// <c>--shard</c> and <c>--from-shards</c> for the commands that train a grid: a shard trains its
/// cells and prints its share (the command then ends with exit 0, judging nothing); a merge
/// checks that every cell is cached before the command runs as usual.
/// </summary>
internal static class Sharding
{
    /// <summary>
    /// Null when the command should go on (no --shard; or --from-shards and every cell is cached),
    /// else the exit code of the finished shard. <paramref name="parts"/> lists the command's grid.
    /// </summary>
    public static int? Handle(CliServices services, ReproConfig config, ShardedTrainingSettings settings,
        Func<Workspace, IReadOnlyList<GridPart>> parts, CancellationToken cancellationToken)
    {
        if (settings.Shard is null && settings.FromShards is null) return null;
        var shard = settings.Shard is null ? null : ShardSpec.Parse(settings.Shard, services.Environment.GetVariable);
        var outcome = ProgressReporting.Run<ShardOutcome?>(services.Console, services.Environment, progress =>
        {
            var workspace = services.CreateWorkspace(config, settings, progress);
            var grid = parts(workspace);
            if (shard is null)
            {
                ShardRun.RequireCached(workspace, grid, settings.FromShards!.Value);
                return null;
            }
            return settings.Plan
                ? new ShardOutcome(shard, ShardPlan.Partition(GridPart.CellsOf(grid), shard.Count), 0, 0)
                : ShardRun.Train(workspace, grid, shard, cancellationToken);
        });
        if (outcome is null)
        {
            services.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"merge of {settings.FromShards} shards: every cell of the grid is in the training cache"));
            return null;
        }
        WriteShares(services.Console, outcome.Plan, outcome.Shard.Index);
        var share = outcome.Share;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"shard {outcome.Shard}: {share.Cells.Count} of {outcome.Plan.Shares.Sum(s => s.Cells.Count)} cells, {share.Share:P1} of the estimated cost; ");
        services.Console.Profile.Out.Writer.WriteLine(settings.Plan
            ? summary + "--plan: nothing trained"
            : summary + string.Create(CultureInfo.InvariantCulture, $"trained {outcome.Trained}, {outcome.FromCache} already cached, into {config.CacheDirectory}; not judged (merge: cache export, cache import, then the same command with --from-shards {outcome.Shard.Count})"));
        return ExitCodes.Success;
    }

    /// <summary>Every shard's cells and share of the estimated cost; <paramref name="mine"/> is marked.</summary>
    public static void WriteShares(IAnsiConsole console, ShardPlan plan, int mine)
    {
        var largest = plan.Shares.Max(s => s.Cost);
        console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grid of {plan.Shares.Sum(s => s.Cells.Count)} trainings, {plan.TotalCost / 1e9:0.###} GFLOP estimated (rows x epochs x network), over {plan.Count} shards; the largest costs {(plan.TotalCost > 0 ? largest * plan.Count / plan.TotalCost : 1):0.000}x an even share"));
        var table = new Table().AddColumns("shard", "cells", "GFLOP", "share of cost");
        foreach (var s in plan.Shares)
            table.AddRow(string.Create(CultureInfo.InvariantCulture, $"{s.Index}/{plan.Count}{(s.Index == mine ? " (this job)" : "")}"),
                s.Cells.Count.ToString(CultureInfo.InvariantCulture),
                (s.Cost / 1e9).ToString("0.###", CultureInfo.InvariantCulture),
                s.Share.ToString("P1", CultureInfo.InvariantCulture));
        console.Write(table);
    }
}
