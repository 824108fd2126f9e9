using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// The approved baselines: <c>&lt;root&gt;/&lt;corpus&gt;/&lt;arch&gt;.json</c>, and the fresh results
/// waiting for approval: <c>&lt;root&gt;/&lt;corpus&gt;/&lt;arch&gt;.received.json</c>. Files written by the
/// Python reference are valid baselines as they are. Only <see cref="Approve"/> ever writes a
/// baseline. Writes are atomic (temp file, flush, rename) and approve/write-received hold an
/// exclusive lock on <c>&lt;root&gt;/.lock</c>, so concurrent processes never see a torn file.
/// </summary>
public sealed class BaselineStore
{
    private const string ReceivedSuffix = ".received.json";
    private readonly TimeSpan _lockTimeout;

    /// <param name="root">The baselines folder (absolute or relative to the current directory).</param>
    /// <param name="lockTimeout">How long to wait for another process's lock; default 5 s.</param>
    public BaselineStore(string root, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(5);
    }

    public string Root { get; }

    public string BaselinePath(string corpus, string arch) => Path.Combine(Root, corpus, arch + ".json");

    public string ReceivedPath(string corpus, string arch) => Path.Combine(Root, corpus, arch + ReceivedSuffix);

    /// <summary>The baseline of the pair, or null when there is none. VMR3201 when a newer vmaf-repro wrote it.</summary>
    public EvaluationResult? TryReadBaseline(string corpus, string arch) => TryRead(BaselinePath(corpus, arch));

    /// <summary>
    /// The baseline of the pair with its defects (empty when usable), or null when there is none:
    /// a field that disagrees with its place (<see cref="ResultPlace"/>: arch, corpus name, widths
    /// against <paramref name="configuredHidden"/>), then unusable cells (<see cref="ResultFileCheck"/>).
    /// </summary>
    public (EvaluationResult Result, IReadOnlyList<string> Defects)? TryReadBaselineChecked(string corpus, string arch, IReadOnlyList<int>? configuredHidden = null)
    {
        var path = BaselinePath(corpus, arch);
        if (TryReadText(path) is not { } text) return null;
        var result = Parse(text, path);
        return (result, [.. ResultPlace.Mismatches(result, corpus, arch, configuredHidden, complete: false), .. ResultFileCheck.Defects(text)]);
    }

    /// <summary>
    /// Writes <paramref name="fresh"/> as the pair's received file, atomically; when it says the same
    /// as the baseline (<see cref="ResultEquivalence.SameNumbers"/>) writes nothing and deletes a stale
    /// received file instead.
    /// </summary>
    public ReceivedWrite WriteReceived(string corpus, string arch, EvaluationResult fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        using var _ = BaselineLock.Acquire(Root, _lockTimeout);
        var baseline = TryReadBaseline(corpus, arch);
        var received = ReceivedPath(corpus, arch);
        if (baseline is not null && ResultEquivalence.SameNumbers(baseline, fresh))
        {
            Delete(received);
            return ReceivedWrite.SameAsBaseline;
        }
        AtomicFile.WriteAllText(received, ResultJson.Serialize(fresh));
        return ReceivedWrite.Written;
    }

    /// <summary>
    /// Promotes the received file to the baseline: appends a <see cref="HistoryEntry"/> (reason,
    /// time, user, headline numbers before and after) to the previous baseline's history, writes the
    /// baseline atomically, then deletes the received file.
    /// VMR3202 when <paramref name="reason"/> is empty; VMR3203 when there is no received file;
    /// VMR3205 when the received file is not a complete, finite result of this very pair
    /// (<see cref="ReceivedCheck"/>): nothing is promoted then.
    /// </summary>
    /// <remarks><c>expected</c>: what the configuration says the pair is (architecture widths, recipe); null skips those two checks.</remarks>
    public ApprovalOutcome Approve(string corpus, string arch, string reason, DateTimeOffset now, string? user, ReceivedExpectation? expected = null)
    {
        var baselinePath = BaselinePath(corpus, arch);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReproException("VMR3202", $"approving {corpus}/{arch} needs a reason",
                "Pass --reason \"why the numbers changed\" (it is stored in the baseline's history).", ExitCodes.UsageOrInputError, baselinePath);

        using var _ = BaselineLock.Acquire(Root, _lockTimeout);
        var receivedPath = ReceivedPath(corpus, arch);
        var receivedText = TryReadText(receivedPath) ?? throw new ReproException("VMR3203",
            $"there is no received file for {corpus}/{arch} ({receivedPath})",
            $"Run vmaf-repro verify first; it writes {Path.GetFileName(receivedPath)} when the numbers differ from the baseline.",
            ExitCodes.UsageOrInputError, receivedPath);
        var received = Parse(receivedText, receivedPath);
        ReceivedCheck.Validate(received, receivedText, corpus, arch, expected, receivedPath);
        var previous = TryRead(baselinePath);

        var previousSummary = previous is null ? null : Aggregator.Summary(previous);
        var currentSummary = Aggregator.Summary(received);
        var entry = new HistoryEntry
        {
            ApprovedUtc = now.ToUniversalTime(),
            Reason = reason.Trim(),
            User = string.IsNullOrWhiteSpace(user) ? null : user,
            PreviousOverall = previousSummary,
            Overall = currentSummary,
            Provenance = received.Provenance,
        };
        received.SchemaVersion = EvaluationResult.CurrentSchemaVersion;
        received.History = [.. previous?.History ?? [], entry];

        AtomicFile.WriteAllText(baselinePath, ResultJson.Serialize(received));
        Delete(receivedPath);
        return new ApprovalOutcome(corpus, arch, baselinePath, previousSummary, currentSummary, entry);
    }

    /// <summary>Every baseline file under the root (not the received files), by corpus then arch.</summary>
    public IReadOnlyList<BaselineFile> ListBaselines() => List(received: false);

    /// <summary>Every received file under the root, by corpus then arch.</summary>
    public IReadOnlyList<BaselineFile> ListReceived() => List(received: true);

    /// <summary>Received files whose (corpus, arch) is not configured: left over from a renamed or removed pair.</summary>
    public IReadOnlyList<BaselineFile> FindOrphanReceived(IEnumerable<(string corpus, string arch)> configured)
    {
        var set = configured.ToHashSet();
        return ListReceived().Where(f => !set.Contains((f.Corpus, f.Arch))).ToList();
    }

    /// <summary>Baselines whose (corpus, arch) is no longer configured.</summary>
    public IReadOnlyList<BaselineFile> FindStaleBaselines(IEnumerable<(string corpus, string arch)> configured)
    {
        var set = configured.ToHashSet();
        return ListBaselines().Where(f => !set.Contains((f.Corpus, f.Arch))).ToList();
    }

    private List<BaselineFile> List(bool received)
    {
        if (!Directory.Exists(Root)) return [];
        var files = new List<BaselineFile>();
        foreach (var dir in Directory.EnumerateDirectories(Root))
        {
            var corpus = Path.GetFileName(dir);
            if (corpus.StartsWith('.')) continue;
            foreach (var path in Directory.EnumerateFiles(dir, "*.json"))
            {
                var name = Path.GetFileName(path);
                if (name.StartsWith('.')) continue;
                var isReceived = name.EndsWith(ReceivedSuffix, StringComparison.Ordinal);
                if (isReceived != received) continue;
                var arch = isReceived ? name[..^ReceivedSuffix.Length] : name[..^".json".Length];
                files.Add(new BaselineFile(corpus, arch, path));
            }
        }
        return files.OrderBy(f => f.Corpus, StringComparer.Ordinal).ThenBy(f => f.Arch, StringComparer.Ordinal).ToList();
    }

    private static EvaluationResult? TryRead(string path) => TryReadText(path) is { } text ? Parse(text, path) : null;

    // Only regular files are read: a FIFO would block, a device never end.
    private static string? TryReadText(string path)
    {
        var kind = FileKinds.Target(path);
        if (kind == FileKind.Missing) return null;
        if (kind is not (FileKind.Regular or FileKind.Unknown))
            throw new ReproException("VMR3001", $"'{path}' is {FileKinds.Describe(kind)}, not a regular file",
                "Delete it: baselines and received files are regular JSON files.", ExitCodes.UsageOrInputError, path);
        return File.ReadAllText(path);
    }

    private static EvaluationResult Parse(string text, string path)
    {
        var result = ResultJson.Deserialize(text, path);
        if (result.SchemaVersion is { } v && v > EvaluationResult.CurrentSchemaVersion)
            throw new ReproException("VMR3201",
                $"'{path}' has schema_version {v}: written by a newer vmaf-repro (this one reads up to {EvaluationResult.CurrentSchemaVersion})",
                "Upgrade vmaf-repro.", ExitCodes.UsageOrInputError, path);
        return result;
    }

    private static void Delete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReproException("VMR5001", $"could not delete '{path}': {e.Message}",
                "Check that the baselines folder is writable.", ExitCodes.EnvironmentError, path, e);
        }
    }
}
