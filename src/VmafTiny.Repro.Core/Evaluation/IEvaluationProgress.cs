namespace VmafTiny.Repro.Evaluation;

/// <summary>Receives progress of one evaluation; front-ends render it (progress bar, plain lines).</summary>
public interface IEvaluationProgress
{
    /// <summary>An evaluation of <paramref name="label"/> starts: <paramref name="total"/> trainings, <paramref name="cached"/> of them already in the cache.</summary>
    void Started(string label, int total, int cached);

    /// <summary>One training finished (from any thread).</summary>
    void TrainingCompleted(string label, int seed, string fold, TimeSpan wall, bool diverged);

    /// <summary>The evaluation finished.</summary>
    void Finished(string label, TimeSpan wall);
}

/// <summary>Progress that goes nowhere.</summary>
public sealed class NullProgress : IEvaluationProgress
{
    public static NullProgress Instance { get; } = new();
    public void Started(string label, int total, int cached) { }
    public void TrainingCompleted(string label, int seed, string fold, TimeSpan wall, bool diverged) { }
    public void Finished(string label, TimeSpan wall) { }
}
