using System.Globalization;

namespace VmafTiny.Repro.Recipe;

/// <summary>
/// The training recipe (README, "The recipe"; specified in shared/docs/recipe.md beside the repository). Two runs are comparable only when their recipes'
/// <see cref="Fingerprint"/> values are equal.
/// </summary>
public sealed record TrainingRecipe
{
    public int Epochs { get; init; } = 90;
    public int BatchSize { get; init; } = 256;
    public double LearningRate { get; init; } = 1e-3;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double AdamEpsilon { get; init; } = 1e-8;
    public double StdGuard { get; init; } = 1e-8;
    public string Optimizer { get; init; } = "adam";
    public string Loss { get; init; } = "mse";
    public string Standardisation { get; init; } = "per-fold z-score, ddof=0";
    public string Shuffle { get; init; } = "numpy default_rng(seed).permutation per epoch";
    public string Init { get; init; } = "torch.manual_seed(seed); default Linear init, layers in order";

    /// <summary>The published recipe.</summary>
    public static TrainingRecipe Default { get; } = new();

    /// <summary>A canonical string of every field that changes the numbers.</summary>
    public string Fingerprint => string.Create(CultureInfo.InvariantCulture,
        $"epochs={Epochs};batch={BatchSize};lr={LearningRate:R};betas={Beta1:R},{Beta2:R};eps={AdamEpsilon:R};guard={StdGuard:R};opt={Optimizer};loss={Loss};std={Standardisation};shuffle={Shuffle};init={Init}");
}
