namespace VmafTiny.Repro.Gate;

/// <summary>A fresh (fold, seed) cell that is a regression by itself: it diverged, or a metric is NaN/Inf where the baseline's was finite.</summary>
/// <param name="Fold">The held-out group.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Diverged">The training loss became NaN/Inf.</param>
/// <param name="Metrics">The non-finite metrics (empty when only the loss diverged).</param>
/// <param name="Note">The cell's own explanation, e.g. constant predictions.</param>
public sealed record CellProblem(string Fold, string Seed, bool Diverged, IReadOnlyList<Metric> Metrics, string? Note)
{
    /// <summary>e.g. "fold Tennis, seed 3: diverged" or "fold Tennis, seed 3: plcc is NaN (constant predictions)".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Diverged) parts.Add("diverged (training loss became NaN/Inf)");
        if (Metrics.Count > 0) parts.Add($"{string.Join(", ", Metrics.Select(m => m.Key()))} not finite");
        var text = $"fold {Fold}, seed {Seed}: {string.Join("; ", parts)}";
        return Note is null ? text : $"{text} ({Note})";
    }
}
