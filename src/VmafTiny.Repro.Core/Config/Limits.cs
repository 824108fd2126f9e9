using System.Globalization;

namespace VmafTiny.Repro.Config;

/// <summary>
/// The bounds on configuration values that would otherwise overflow an int deep inside training
/// (so exit 70 stays a bug). Long lists in messages: <see cref="Diagnostics.MessageText.List"/>.
/// </summary>
public static class Limits
{
    /// <summary>
    /// Most parameters of one architecture. The batched engine stacks every (fold, seed) model of a
    /// grid into one float array of models × parameters, which must stay below 2^31 elements
    /// (2,147 models at this bound); the published mlp_large has 3,073.
    /// </summary>
    public const long MaxParameters = 1_000_000;

    /// <summary>Most hidden layers (the published architectures have 2 or 3).</summary>
    public const int MaxHiddenLayers = 16;

    /// <summary>
    /// Largest mini-batch: the batched engine's per-epoch index is steps × models × batch; the
    /// published recipe uses 256.
    /// </summary>
    public const int MaxBatchSize = 65_536;

    /// <summary>Most epochs (the published recipe uses 90): step and epoch counters stay far inside an int.</summary>
    public const int MaxEpochs = 100_000;

    /// <summary>Most seeds one benchmark measurement trains (<c>bench-probe --seed-count</c>; the published evaluation uses 5).</summary>
    public const int MaxSeedCount = 1000;

    /// <summary>What is wrong with these hidden widths for up to <paramref name="inputs"/> features, or null.</summary>
    public static string? ArchitectureProblem(IReadOnlyList<int> hidden, int inputs)
    {
        if (hidden.Count > MaxHiddenLayers)
            return string.Create(CultureInfo.InvariantCulture, $"{hidden.Count} hidden layers (at most {MaxHiddenLayers})");
        long total = 0;
        long previous = inputs;
        foreach (var w in hidden.Append(1))
        {
            total += previous * w + w;
            if (total > MaxParameters) break;
            previous = w;
        }
        return total > MaxParameters
            ? string.Create(CultureInfo.InvariantCulture, $"more than {MaxParameters:N0} parameters (at most {MaxParameters:N0}; mlp_large has 3,073)")
            : null;
    }
}
