using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Config;

/// <summary>
/// The validated content of <c>vmaf-repro.json</c> (see <see cref="ConfigLoader"/>). Every path is
/// absolute, resolved against the folder of the configuration file.
/// </summary>
public sealed record ReproConfig
{
    /// <summary>The configuration file, absolute.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>The folder of <see cref="ConfigPath"/>: the repository root.</summary>
    public required string RootDirectory { get; init; }

    public int SchemaVersion { get; init; } = 1;

    /// <summary>The seeds of every evaluation, distinct, in file order.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    public required TrainingRecipe Recipe { get; init; }

    /// <summary>The configured architectures, in file order.</summary>
    public required IReadOnlyList<Architecture> Architectures { get; init; }

    /// <summary>The configured corpora, in file order; <see cref="CorpusSpec.Path"/> is absolute.</summary>
    public required IReadOnlyList<CorpusSpec> Corpora { get; init; }

    /// <summary>Synthetic generation settings of the corpora that have them, by corpus name.</summary>
    public IReadOnlyDictionary<string, SyntheticCorpusSettings> Synthetic { get; init; } = new Dictionary<string, SyntheticCorpusSettings>();

    /// <summary>Absolute path of the baselines folder.</summary>
    public required string BaselinesDirectory { get; init; }

    /// <summary>Absolute path of the runs folder (fresh results and the training cache).</summary>
    public required string RunsDirectory { get; init; }

    public GatePolicy Policy { get; init; } = GatePolicy.Default;

    /// <summary>The models <c>verify</c> exports and checks (<c>"exports"</c>), in file order.</summary>
    public IReadOnlyList<Export.ExportSpec> Exports { get; init; } = [];

    /// <summary>Where <c>verify</c> writes the configured exports: <c>runs/exports</c>.</summary>
    public string ExportsDirectory => Path.Combine(RunsDirectory, "exports");

    /// <summary>The content-addressed training cache: <c>runs/cache/</c>.</summary>
    public string CacheDirectory => Path.Combine(RunsDirectory, "cache");

    /// <summary>Every configured (corpus, arch) pair, corpora then architectures in file order.</summary>
    public IEnumerable<(string Corpus, string Arch)> Pairs =>
        Corpora.SelectMany(c => Architectures.Select(a => (c.Name, a.Name)));

    /// <summary>
    /// The architectures named by <paramref name="filter"/>: null or empty = all; otherwise a
    /// comma-separated list of names (exact, case-sensitive). An unknown name is VMR3102.
    /// </summary>
    public IReadOnlyList<Architecture> ResolveArchitectures(string? filter) =>
        Resolve(filter, Architectures, a => a.Name, "VMR3102", "architecture");

    /// <summary>
    /// The corpora named by <paramref name="filter"/>: null or empty = all; otherwise a
    /// comma-separated list of names. An unknown name is VMR3103.
    /// </summary>
    public IReadOnlyList<CorpusSpec> ResolveCorpora(string? filter) =>
        Resolve(filter, Corpora, c => c.Name, "VMR3103", "corpus");

    /// <summary>
    /// The selected corpora and architectures (see <see cref="ResolveCorpora"/>); VMR3100 when they
    /// make no (corpus, arch) pair: a gate that judged nothing must not pass.
    /// </summary>
    public (IReadOnlyList<CorpusSpec> Corpora, IReadOnlyList<Architecture> Architectures) SelectPairs(string? corpusFilter, string? archFilter)
    {
        var corpora = ResolveCorpora(corpusFilter);
        var archs = ResolveArchitectures(archFilter);
        if (corpora.Count == 0 || archs.Count == 0)
            throw new ReproException("VMR3100", $"no (corpus, arch) pair is selected: {corpora.Count} corpora x {archs.Count} architectures",
                $"Configure at least one corpus and one architecture in {Path.GetFileName(ConfigPath)} (and select existing ones with --corpus/--arch).",
                ExitCodes.UsageOrInputError, ConfigPath);
        return (corpora, archs);
    }

    private IReadOnlyList<T> Resolve<T>(string? filter, IReadOnlyList<T> all, Func<T, string> name, string code, string what)
    {
        if (string.IsNullOrWhiteSpace(filter)) return all;
        var wanted = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (wanted.Length == 0)
            throw new ReproException("VMR3100", $"the {what} selection '{MessageText.Printable(filter)}' names no {what}",
                $"Pass comma-separated names (known: {MessageText.List(all.Select(name))}), or leave the option out for all.", ExitCodes.UsageOrInputError);
        var result = new List<T>();
        foreach (var w in wanted)
        {
            var match = all.FirstOrDefault(x => string.Equals(name(x), w, StringComparison.Ordinal));
            if (match is null)
                throw new ReproException(code, $"unknown {what} '{MessageText.Printable(w)}'; known: {MessageText.List(all.Select(name))}",
                    $"Use one of the known names, or add the {what} to {Path.GetFileName(ConfigPath)}.", ExitCodes.UsageOrInputError, ConfigPath);
            if (!result.Contains(match)) result.Add(match);
        }
        return result;
    }
}
