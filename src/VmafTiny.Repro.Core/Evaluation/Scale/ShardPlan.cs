namespace VmafTiny.Repro.Evaluation.Scale;

/// <summary>One shard's part of a <see cref="ShardPlan"/>.</summary>
/// <param name="Index">1-based.</param>
/// <param name="Cells">Its cells, in the grid's order.</param>
/// <param name="Cost">The sum of their estimated costs.</param>
/// <param name="Share">Cost / the grid's total cost (0 when the grid costs nothing).</param>
public sealed record ShardShare(int Index, IReadOnlyList<GridCell> Cells, double Cost, double Share);

/// <summary>
/// Splits a grid of trainings over N shards, balanced by estimated cost, not by count:
/// longest-processing-time first. Cells are sorted by cost (descending), ties broken by the
/// ordinal order of their <see cref="GridCell.Key"/>; each goes to the shard with the least cost
/// so far (ties: the lowest index). Every cell lands in exactly one shard; the result depends only
/// on the set of cells and N (not on their input order, the machine or the run), so every job of
/// an array computes the same plan. List scheduling bounds the largest shard by total / N + the
/// largest cell (LPT also by 4/3 of the optimum).
/// </summary>
public sealed class ShardPlan
{
    private readonly Dictionary<string, int> _shardOf;

    private ShardPlan(IReadOnlyList<ShardShare> shares, Dictionary<string, int> shardOf, double total)
    {
        Shares = shares;
        _shardOf = shardOf;
        TotalCost = total;
    }

    /// <summary>The shards, index 1..N.</summary>
    public IReadOnlyList<ShardShare> Shares { get; }

    public int Count => Shares.Count;
    public double TotalCost { get; }

    /// <summary>The shard (1-based) that trains <paramref name="cell"/>.</summary>
    public int ShardOf(GridCell cell) => _shardOf[cell.Key];

    public ShardShare this[int index] => Shares[index - 1];

    public static ShardPlan Partition(IReadOnlyList<GridCell> cells, int count)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (cells.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != cells.Count)
            throw new ArgumentException("the grid names a cell twice", nameof(cells));
        if (cells.Any(c => !double.IsFinite(c.Cost) || c.Cost < 0))
            throw new ArgumentException("a cell's cost is negative or not finite", nameof(cells));

        var order = cells.OrderByDescending(c => c.Cost).ThenBy(c => c.Key, StringComparer.Ordinal);
        var load = new double[count];
        var shardOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in order)
        {
            var least = 0;
            for (var s = 1; s < count; s++)
                if (load[s] < load[least]) least = s;
            load[least] += cell.Cost;
            shardOf[cell.Key] = least + 1;
        }
        // Per-shard sums in the grid's order, so the reported cost does not depend on the greedy's order.
        var total = cells.Sum(c => c.Cost);
        var shares = Enumerable.Range(1, count).Select(i =>
        {
            var mine = cells.Where(c => shardOf[c.Key] == i).ToList();
            var cost = mine.Sum(c => c.Cost);
            return new ShardShare(i, mine, cost, total > 0 ? cost / total : 0);
        }).ToList();
        return new ShardPlan(shares, shardOf, total);
    }
}
