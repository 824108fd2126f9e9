using System.Globalization;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Numpy;

namespace VmafTiny.Repro.Protocol;

/// <summary>
/// Assigns whole groups to k folds, deterministically and balanced by rows: the one rule behind
/// <c>vmaf-repro folds</c> and a configured corpus with <c>"folds": k</c> (docs: README "Gating your
/// real corpora").
/// </summary>
/// <remarks>
/// The algorithm (<see cref="Algorithm"/>), reproducible in numpy:
/// <list type="number">
/// <item>the groups are sorted by name (ordinal; integer keys as their invariant decimal text), each with its row count;</item>
/// <item><c>order = numpy.random.default_rng(seed).permutation(len(groups))</c> (the project's bit-exact port, <see cref="NumpyGenerator"/>);</item>
/// <item>in that order, each group goes to the fold with the fewest rows so far; a tie goes to the lowest fold index;</item>
/// <item>fold j is named <c>fold{j}</c> (fold0 … fold{k-1}).</item>
/// </list>
/// Every fold holds at least one group (the first k groups fill the empty folds), and the row
/// counts of any two folds differ by at most the largest group's rows.
/// </remarks>
public static class FoldAssignment
{
    /// <summary>The algorithm's name as recorded in a folds file's metadata.</summary>
    public const string Algorithm = "vmaf-repro/folds/v1: groups sorted (ordinal), numpy default_rng(seed).permutation, greedy to the fold with the fewest rows (tie: lowest index)";

    /// <summary>The column the assigned fold is written to, and the group column of an assigned corpus.</summary>
    public const string FoldColumn = "source";

    /// <summary>More folds than this is refused (a fold per row is not cross-validation of clips).</summary>
    public const int MaxFolds = 1000;

    /// <summary>The name of fold <paramref name="index"/>: fold0, fold1, …</summary>
    public static string FoldName(int index) => "fold" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>VMR2022 when k &lt; 2 or above <see cref="MaxFolds"/>, or the seed is negative. <paramref name="where"/> names the option or key.</summary>
    public static void Validate(FoldAssignmentSettings settings, string where, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.K < 2 || settings.K > MaxFolds)
            throw new ReproException("VMR2022", $"{where}: k = {settings.K.ToString(CultureInfo.InvariantCulture)} folds; k must be between 2 and {MaxFolds}",
                "Use k = 5 (the KoNViD protocol), or any k of at least 2.", ExitCodes.UsageOrInputError, file);
        if (settings.Seed < 0)
            throw new ReproException("VMR2022", $"{where}: the fold seed {settings.Seed.ToString(CultureInfo.InvariantCulture)} is negative",
                "Use a seed ≥ 0 (the default is 0).", ExitCodes.UsageOrInputError, file);
    }

    /// <summary>
    /// The fold index of each group. <paramref name="rowsPerGroup"/> must be sorted by name
    /// (ordinal), as <see cref="CorpusFingerprint.RowsPerGroup"/> and <see cref="LoadedCorpus.GroupNames"/> are.
    /// VMR2021 when there are fewer groups than folds.
    /// </summary>
    public static int[] Assign(IReadOnlyList<KeyValuePair<string, long>> rowsPerGroup, FoldAssignmentSettings settings, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(rowsPerGroup);
        Validate(settings, "folds", file);
        for (var i = 1; i < rowsPerGroup.Count; i++)
            if (string.CompareOrdinal(rowsPerGroup[i - 1].Key, rowsPerGroup[i].Key) >= 0)
                throw new ArgumentException("groups must be distinct and sorted in ordinal order", nameof(rowsPerGroup));
        if (rowsPerGroup.Count < settings.K)
            throw new ReproException("VMR2021",
                $"cannot assign {rowsPerGroup.Count.ToString(CultureInfo.InvariantCulture)} group{(rowsPerGroup.Count == 1 ? "" : "s")} of '{MessageText.Printable(settings.By)}' to {settings.K.ToString(CultureInfo.InvariantCulture)} folds: every fold needs a whole group",
                $"Use at most {rowsPerGroup.Count.ToString(CultureInfo.InvariantCulture)} folds, or check that '{MessageText.Printable(settings.By)}' is the clip column (one value per clip).",
                ExitCodes.UsageOrInputError, file);

        var order = new NumpyGenerator(settings.Seed).PermutationInt32(rowsPerGroup.Count);
        var rows = new long[settings.K];
        var foldOf = new int[rowsPerGroup.Count];
        foreach (var g in order)
        {
            var best = 0;
            for (var j = 1; j < rows.Length; j++)
                if (rows[j] < rows[best]) best = j;
            foldOf[g] = best;
            rows[best] += rowsPerGroup[g].Value;
        }
        return foldOf;
    }

    /// <summary>
    /// The corpus regrouped by fold: the same rows in the same order, each row's group the fold of
    /// its original group, fold names fold0 … fold{k-1}. Its fingerprint is the one the reader
    /// computes for the file <c>vmaf-repro folds</c> writes, read with group column
    /// <see cref="FoldColumn"/>: the same data and assignment give the same fingerprint either way,
    /// and another assignment (k, seed, groups) gives another.
    /// </summary>
    public static LoadedCorpus Apply(LoadedCorpus corpus, FoldAssignmentSettings settings, string target)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var perGroup = corpus.GroupNames.Select(n => KeyValuePair.Create(n, corpus.Fingerprint.RowsPerGroup[n])).ToList();
        var foldOfGroup = Assign(perGroup, settings, corpus.Path);
        var names = Enumerable.Range(0, settings.K).Select(FoldName).ToArray();
        // fold0..fold9 sort as their indices; fold10 sorts before fold2: the corpus keeps groups in ordinal order.
        var sorted = names.Order(StringComparer.Ordinal).ToArray();
        var sortedIndex = names.Select(n => Array.IndexOf(sorted, n)).ToArray();
        var groupOfRow = new int[corpus.Rows];
        var counts = new long[sorted.Length];
        var encoded = sorted.Select(CorpusFingerprintBuilder.EncodeString).ToArray();
        using var print = new CorpusFingerprintBuilder(corpus.FeatureNames, target, FoldColumn);
        var width = corpus.FeatureCount;
        for (var r = 0; r < corpus.Rows; r++)
        {
            var fold = sortedIndex[foldOfGroup[corpus.GroupOfRow[r]]];
            groupOfRow[r] = fold;
            counts[fold]++;
            print.AppendRow(corpus.Features.AsSpan(r * width, width), corpus.Target[r], encoded[fold]);
        }
        var fingerprint = new CorpusFingerprint(print.Finish(), print.Rows,
            sorted.Select((n, i) => KeyValuePair.Create(n, counts[i])).ToDictionary(StringComparer.Ordinal));
        return new LoadedCorpus(corpus.Name, corpus.FeatureNames, corpus.Features, corpus.Target, sorted, groupOfRow, fingerprint, corpus.Path)
        {
            ReadReport = corpus.ReadReport,
        };
    }
}
