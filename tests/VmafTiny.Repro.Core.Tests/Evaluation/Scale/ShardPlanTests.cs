using VmafTiny.Repro.Evaluation.Scale;

namespace VmafTiny.Repro.Core.Tests.Evaluation.Scale;

/// <summary>The cost-balanced partition of a grid over shards.</summary>
public sealed class ShardPlanTests
{
    // A grid like a real one: corpora of different sizes, architectures of different widths, uneven folds.
    private static List<GridCell> RandomGrid(int seed)
    {
        var random = new Random(seed);
        var cells = new List<GridCell>();
        foreach (var corpus in new[] { "netflix", "konvid" }.Take(1 + random.Next(2)))
            foreach (var (arch, weight) in new[] { ("small", 1.0), ("medium", 3.0), ("large", 12.0) })
                for (var f = 0; f < 3 + random.Next(8); f++)
                {
                    var rows = 1000 + random.Next(20000);
                    for (var s = 0; s < 1 + random.Next(5); s++)
                        cells.Add(new GridCell(corpus, arch, $"fold{f}", s, rows * weight * 90));
                }
        return cells;
    }

    public static TheoryData<int, int> Grids()
    {
        var data = new TheoryData<int, int>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
            foreach (var n in new[] { 1, 2, 3, 4, 7, 16 })
                data.Add(seed, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void EveryCell_IsInExactlyOneShard(int seed, int n)
    {
        var cells = RandomGrid(seed);

        var plan = ShardPlan.Partition(cells, n);

        var assigned = plan.Shares.SelectMany(s => s.Cells).ToList();
        Assert.Equal(cells.Count, assigned.Count);
        Assert.Equal(cells.Select(c => c.Key).Order(StringComparer.Ordinal), assigned.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(plan.Shares, s => Assert.All(s.Cells, c => Assert.Equal(s.Index, plan.ShardOf(c))));
        Assert.Equal(1.0, plan.Shares.Sum(s => s.Share), 12);
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void TheLargestShard_CostsAtMost_AnEvenShare_PlusTheLargestCell(int seed, int n)
    {
        var cells = RandomGrid(seed);

        var plan = ShardPlan.Partition(cells, n);

        var bound = plan.TotalCost / n + cells.Max(c => c.Cost);
        Assert.All(plan.Shares, s => Assert.True(s.Cost <= bound * (1 + 1e-12), $"shard {s.Index} costs {s.Cost}, bound {bound}"));
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void ThePlan_DependsOnTheSetOfCells_NotTheirOrder(int seed, int n)
    {
        var cells = RandomGrid(seed);
        var shuffled = cells.OrderBy(_ => Random.Shared.Next()).ToList();

        var a = ShardPlan.Partition(cells, n);
        var b = ShardPlan.Partition(shuffled, n);

        Assert.All(cells, c => Assert.Equal(a.ShardOf(c), b.ShardOf(c)));
        Assert.Equal(a.Shares.Select(s => s.Cost), b.Shares.Select(s => s.Cost));
    }

    [Fact]
    public void Shards_AreBalancedByCost_NotByCount()
    {
        List<GridCell> cells = [new("c", "large", "f0", 0, 10), .. Enumerable.Range(0, 10).Select(i => new GridCell("c", "small", $"f{i}", 0, 1))];

        var plan = ShardPlan.Partition(cells, 2);

        Assert.Equal([1, 10], plan.Shares.Select(s => s.Cells.Count));
        Assert.Equal([0.5, 0.5], plan.Shares.Select(s => s.Share));
    }

    [Fact]
    public void CellsOfEqualCost_AreDealtInTheOrderOfTheirKeys()
    {
        var cells = new[] { "d", "b", "a", "c" }.Select(f => new GridCell("c", "a", f, 0, 5)).ToList();

        var plan = ShardPlan.Partition(cells, 2);

        Assert.Equal(["a", "c"], plan[1].Cells.Select(c => c.Fold).Order());
        Assert.Equal(["b", "d"], plan[2].Cells.Select(c => c.Fold).Order());
    }

    [Fact]
    public void MoreShardsThanCells_LeavesTheExtraShardsEmpty()
    {
        var cells = Enumerable.Range(0, 3).Select(s => new GridCell("c", "a", "f", s, 2)).ToList();

        var plan = ShardPlan.Partition(cells, 5);

        Assert.Equal([1, 1, 1, 0, 0], plan.Shares.Select(s => s.Cells.Count));
        Assert.Equal(0, plan[5].Share);
    }

    [Fact]
    public void AGridNamingACellTwice_IsRefused()
    {
        var cell = new GridCell("c", "a", "f", 0, 1);

        Assert.Throws<ArgumentException>(() => ShardPlan.Partition([cell, cell with { Cost = 2 }], 2));
    }
}
