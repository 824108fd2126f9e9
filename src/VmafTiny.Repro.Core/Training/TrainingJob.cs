using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Training;

/// <summary>
/// One training of the grid: a (fold, seed) of one architecture. Inputs are already standardised
/// with the fold's training statistics (float64) and converted to float32, row-major.
/// </summary>
public sealed record TrainingJob(
    Architecture Architecture,
    TrainingRecipe Recipe,
    int Seed,
    string Fold,
    int FeatureCount,
    float[] TrainX,
    float[] TrainY,
    float[] TestX)
{
    public int TrainRows => TrainY.Length;
    public int TestRows => TestX.Length / FeatureCount;
}
