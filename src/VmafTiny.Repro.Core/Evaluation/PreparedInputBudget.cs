using System.Globalization;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Protocol;

namespace VmafTiny.Repro.Evaluation;

/// <summary>
/// Bounds the memory of the standardised fold inputs. Each fold of leave-one-group-out trains on
/// nearly every row, so preparing every fold at once takes folds × rows floats (issue 15: 4,000
/// groups of 3 rows took 5.6 GB, 100,000 groups ended in the OOM killer). The evaluator therefore
/// hands folds to the engine in chunks of at most <see cref="ChunkBytes"/> of prepared inputs (at
/// least one fold each), so memory stays O(rows) whatever the number of groups; only a corpus one
/// fold of which does not fit is refused, before allocating (VMR2015).
/// </summary>
/// <remarks>Chunking does not change any number: every engine's result for a (fold, seed) is
/// independent of the jobs trained beside it (tested per engine), and the usual corpora (9 Netflix
/// sources × 11k rows: 3 MB; 5 KoNViD folds × 270k rows: 38 MB) fit in one chunk.</remarks>
internal static class PreparedInputBudget
{
    /// <summary>The share of the memory available to the process that one fold's inputs may take.</summary>
    public const double Share = 0.5;

    /// <summary>Prepared inputs handed to the engine at once: 256 MiB, or less when memory is short.</summary>
    public static long ChunkBytes
    {
        get
        {
            const long cap = 256L << 20;
            var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return available <= 0 ? cap : Math.Min(cap, (long)(available * Share));
        }
    }

    /// <summary>The folds in order, cut into consecutive chunks of at most <paramref name="chunkBytes"/> (one fold at least).</summary>
    public static List<List<FoldSplit>> Chunks(IReadOnlyList<FoldSplit> folds, int featureCount, long chunkBytes)
    {
        var chunks = new List<List<FoldSplit>>();
        var current = new List<FoldSplit>();
        long bytes = 0;
        foreach (var fold in folds)
        {
            var b = FoldPlan.PreparedInputBytes([fold], featureCount);
            if (current.Count > 0 && bytes + b > chunkBytes)
            {
                chunks.Add(current);
                current = [];
                bytes = 0;
            }
            current.Add(fold);
            bytes += b;
        }
        if (current.Count > 0) chunks.Add(current);
        return chunks;
    }

    /// <summary>Refuses a corpus one fold of which would take more than <see cref="Share"/> of the available memory.</summary>
    public static void CheckOneFold(IReadOnlyList<FoldSplit> folds, int featureCount, int rows, CorpusSpec spec)
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available <= 0 || folds.Count == 0) return;
        var largest = folds.Max(f => FoldPlan.PreparedInputBytes([f], featureCount));
        if (largest <= available * Share) return;
        throw new ReproException("VMR2015",
            string.Create(CultureInfo.InvariantCulture,
                $"one fold of {rows} rows needs {largest / 1e9:0.#} GB of standardised training inputs; {available / 1e9:0.#} GB is available"),
            "Run on a machine with more memory, or train on a subset of the corpus.",
            ExitCodes.UsageOrInputError, spec.Path);
    }
}
