using System.Globalization;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Evaluation;

/// <summary>
/// Refuses, before allocating, an evaluation whose standardised fold inputs would not fit in
/// memory: each fold of leave-one-group-out trains on nearly every row, so a corpus with very many
/// groups needs folds × rows floats at once. Without this check such a run grew until the OOM
/// killer ended it with no message (issue 15: 4,000 groups of 3 rows took 5.6 GB).
/// </summary>
internal static class PreparedInputBudget
{
    /// <summary>The share of the memory available to the process that prepared inputs may take.</summary>
    public const double Share = 0.5;

    public static void Check(long bytes, int folds, int rows, CorpusSpec spec)
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available <= 0 || bytes <= available * Share) return;
        throw new ReproException("VMR2015",
            string.Create(CultureInfo.InvariantCulture,
                $"{folds} folds (one per value of '{spec.GroupColumn}') x {rows} rows need {bytes / 1e9:0.#} GB of training inputs at once; {available / 1e9:0.#} GB is available"),
            "Leave-one-group-out trains one model per group on all other rows: group the corpus by source clip or by a pre-assigned fold column (protocol \"kfold\"), or use fewer groups.",
            ExitCodes.UsageOrInputError, spec.Path);
    }
}
