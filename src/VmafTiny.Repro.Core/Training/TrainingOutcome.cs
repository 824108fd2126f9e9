namespace VmafTiny.Repro.Training;

/// <summary>What one training produced: held-out predictions (float32 widened to float64) and telemetry.</summary>
public sealed record TrainingOutcome(
    TrainingJob Job,
    double[] Predictions,
    double FinalLoss,
    bool Diverged,
    TimeSpan Wall);
