using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Corpus;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Config;

/// <summary>
/// Reads and validates <c>vmaf-repro.json</c>. Every problem is a <see cref="ReproException"/>
/// (exit code 2) naming the file, what is wrong and what to do:
/// VMR3101 malformed JSON or an unknown key (with line and position), VMR3104 empty or duplicate
/// seeds, VMR3105 epochs/batch_size/lr not positive, VMR3106 bad policy, VMR3107 missing file,
/// VMR3108 other invalid values (schema version, names, paths, layer widths).
/// Missing sections take the defaults: seeds 0-4, the published recipe, the three published
/// architectures, no corpora, <c>baselines</c> and <c>runs</c>, <see cref="GatePolicy.Default"/>.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The file name looked for at the repository root.</summary>
    public const string FileName = "vmaf-repro.json";

    /// <summary>The newest configuration schema this version reads.</summary>
    public const int CurrentSchemaVersion = 1;

    private static readonly JsonSerializerSettings Settings = new()
    {
        MissingMemberHandling = MissingMemberHandling.Error,
        FloatParseHandling = FloatParseHandling.Double,
        Culture = CultureInfo.InvariantCulture,
    };

    /// <summary>Reads the configuration at <paramref name="path"/> (VMR3107 when it does not exist).</summary>
    public static ReproConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        var kind = FileKinds.Target(full);
        if (kind == FileKind.Missing)
            throw new ReproException("VMR3107", $"configuration file '{full}' does not exist",
                $"Run from the repository root (where {FileName} is) or pass --config <path>.", ExitCodes.UsageOrInputError, full);
        // A FIFO or device would block or never end: refused before it is opened.
        if (kind is not (FileKind.Regular or FileKind.Unknown))
            throw new ReproException("VMR3107", $"configuration file '{full}' is {FileKinds.Describe(kind)}, not a regular file",
                "Pass --config <path> of a vmaf-repro.json file.", ExitCodes.UsageOrInputError, full);
        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>
    /// The configuration of a repository without a configuration file (<c>run</c> and <c>export</c>
    /// on a Parquet path): every section at its default, as if <paramref name="path"/> held <c>{}</c>.
    /// </summary>
    public static ReproConfig Defaults(string path) => Parse("{}", path);

    /// <summary>Parses configuration text as if read from <paramref name="path"/> (relative paths resolve against its folder).</summary>
    public static ReproConfig Parse(string json, string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var root = System.IO.Path.GetDirectoryName(full)!;
        ConfigFile file;
        try
        {
            file = JsonConvert.DeserializeObject<ConfigFile>(json, Settings)
                ?? throw new JsonSerializationException("the file is empty");
            // Newtonsoft merges a repeated key silently ("seeds" twice); the raw parse refuses it.
            JToken.Parse(json, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonException e)
        {
            var (line, pos) = e switch
            {
                JsonReaderException r => (r.LineNumber, r.LinePosition),
                JsonSerializationException s => (s.LineNumber, s.LinePosition),
                _ => (0, 0),
            };
            var where = line > 0 ? $" at line {line}, position {pos}" : "";
            throw new ReproException("VMR3101", $"'{full}' is not valid{where}: {JsonWords.Clean(FirstLine(e.Message))}",
                "Fix the JSON (keys are snake_case, see README: configuration).", ExitCodes.UsageOrInputError, full, e);
        }
        return Build(file, full, root);
    }

    private static ReproConfig Build(ConfigFile f, string file, string root)
    {
        var schema = f.SchemaVersion ?? CurrentSchemaVersion;
        if (schema < 1 || schema > CurrentSchemaVersion)
            Invalid(file, "VMR3108", $"schema_version {schema} is not supported (this vmaf-repro reads {CurrentSchemaVersion})",
                schema > CurrentSchemaVersion ? "Upgrade vmaf-repro." : $"Set \"schema_version\": {CurrentSchemaVersion}.");

        var seeds = f.Seeds ?? [0, 1, 2, 3, 4];
        if (seeds.Count == 0)
            Invalid(file, "VMR3104", "\"seeds\" is empty", "List at least one seed, e.g. [0, 1, 2, 3, 4].");
        var dup = seeds.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (dup.Count > 0)
            Invalid(file, "VMR3104", $"\"seeds\" has duplicates: {MessageText.List(dup)}", "List each seed once.");
        var negative = seeds.Where(s => s < 0).ToList();
        if (negative.Count > 0)
            Invalid(file, "VMR3104", $"\"seeds\" has negative values: {MessageText.List(negative)}", "Seeds are integers ≥ 0.");

        var recipe = TrainingRecipe.Default with
        {
            Epochs = f.Recipe?.Epochs ?? TrainingRecipe.Default.Epochs,
            BatchSize = f.Recipe?.BatchSize ?? TrainingRecipe.Default.BatchSize,
            LearningRate = f.Recipe?.Lr ?? TrainingRecipe.Default.LearningRate,
        };
        if (recipe.Epochs <= 0) Invalid(file, "VMR3105", $"recipe.epochs = {recipe.Epochs} must be > 0", "The published recipe uses 90.");
        if (recipe.Epochs > Limits.MaxEpochs) Invalid(file, "VMR3105", $"recipe.epochs = {recipe.Epochs} must be at most {Limits.MaxEpochs}", "The published recipe uses 90.");
        if (recipe.BatchSize <= 0) Invalid(file, "VMR3105", $"recipe.batch_size = {recipe.BatchSize} must be > 0", "The published recipe uses 256.");
        if (recipe.BatchSize > Limits.MaxBatchSize)
            Invalid(file, "VMR3105", $"recipe.batch_size = {recipe.BatchSize} must be at most {Limits.MaxBatchSize}", "The published recipe uses 256.");
        if (!(recipe.LearningRate > 0) || !double.IsFinite(recipe.LearningRate))
            Invalid(file, "VMR3105", $"recipe.lr = {recipe.LearningRate.ToString(CultureInfo.InvariantCulture)} must be > 0", "The published recipe uses 0.001.");

        var maxFeatures = Math.Max(CorpusSpec.CanonicalFeatures.Count, (f.Corpora ?? []).Values.Select(c => c?.Features?.Count ?? 0).DefaultIfEmpty(0).Max());
        var archs = f.Architectures is null
            ? Architecture.Known.ToList()
            : f.Architectures.Select(kv => Arch(kv.Key, kv.Value, maxFeatures, file)).ToList();

        var corpora = new List<CorpusSpec>();
        var synthetic = new Dictionary<string, SyntheticCorpusSettings>(StringComparer.Ordinal);
        foreach (var (name, c) in f.Corpora ?? [])
        {
            PathName.Check(name, "corpus", System.IO.Path.GetFileName(file), file);
            if (c is null || string.IsNullOrWhiteSpace(c.Path))
                Invalid(file, "VMR3108", $"corpus '{name}' has no \"path\"", "Give the Parquet file's path, relative to the configuration file.");
            if (c!.Features is { Count: 0 })
                Invalid(file, "VMR3108", $"corpus '{name}' has an empty \"features\" list", "Use null for the canonical six, or list the feature columns.");
            corpora.Add(new CorpusSpec
            {
                Name = name,
                Path = Resolve(root, c.Path!, $"corpus '{name}' path", file),
                Protocol = Protocol(name, c.Protocol, c.Folds is not null, file),
                GroupColumn = c.GroupColumn ?? "source",
                Target = c.Target ?? "vmaf",
                Features = c.Features ?? CorpusSpec.CanonicalFeatures,
                FeaturesExplicit = c.Features is not null,
                DropNonFinite = c.DropNonFinite ?? false,
                AssignFolds = AssignFolds(name, c, file),
            });
            if (c.Synthetic is { } s)
            {
                if (string.IsNullOrWhiteSpace(s.Shape) || s.Rows is null)
                    Invalid(file, "VMR3108", $"corpus '{name}': \"synthetic\" needs a \"shape\" and \"rows\"", "E.g. { \"shape\": \"netflix\", \"rows\": 11000, \"seed\": 1 }.");
                var settings = new SyntheticCorpusSettings(s.Shape!, s.Rows!.Value, s.Seed ?? 0);
                if (settings.Problem() is { } problem)
                    Invalid(file, "VMR3108", $"corpus '{name}': \"synthetic\": {problem}", "E.g. { \"shape\": \"netflix\", \"rows\": 11000, \"seed\": 1 }.");
                synthetic[name] = settings;
            }
        }

        var policy = Policy(f.Policy);
        policy.Validate(file);
        UnknownOverrides(policy, corpora, archs, file);

        var baselinesDir = Resolve(root, f.BaselinesDir ?? "baselines", "baselines_dir", file);
        var runsDir = Resolve(root, f.RunsDir ?? "runs", "runs_dir", file);
        Folders(baselinesDir, runsDir, file);

        return new ReproConfig
        {
            ConfigPath = file,
            RootDirectory = root,
            SchemaVersion = schema,
            Seeds = seeds,
            Recipe = recipe,
            Architectures = archs,
            Corpora = corpora,
            Synthetic = synthetic,
            BaselinesDirectory = baselinesDir,
            RunsDirectory = runsDir,
            Policy = policy,
            Exports = ExportSection.Build(f.Exports, corpora, archs, file),
        };
    }

    private static Architecture Arch(string name, List<int>? hidden, int maxFeatures, string file)
    {
        PathName.Check(name, "architecture", System.IO.Path.GetFileName(file), file);
        if (hidden is null || hidden.Any(w => w <= 0))
            Invalid(file, "VMR3108", $"architecture '{name}' needs a list of positive hidden-layer widths", "E.g. \"mlp_small\": [16, 8].");
        if (Limits.ArchitectureProblem(hidden!, maxFeatures) is { } problem)
            Invalid(file, "VMR3108", $"architecture '{name}': {problem}", "The published architectures have at most 3 layers of 64 units.");
        return new Architecture(name, hidden!);
    }

    private static readonly string[] Protocols = ["loso", "kfold"];

    private static string Protocol(string corpus, string? protocol, bool assignsFolds, string file)
    {
        if (assignsFolds && protocol is not (null or "kfold"))
            Invalid(file, "VMR3108", $"corpus '{corpus}': \"folds\" assigns k folds, which is the \"kfold\" protocol, not '{MessageText.Printable(protocol!)}'",
                "Set \"protocol\": \"kfold\", or remove \"folds\" for one fold per group.");
        if (protocol is null) return assignsFolds ? "kfold" : "loso";
        if (!Protocols.Contains(protocol))
            Invalid(file, "VMR3108", $"corpus '{corpus}': unknown protocol '{MessageText.Printable(protocol)}'",
                "Use \"loso\" (one fold per source) or \"kfold\" (pre-assigned folds in the group column).");
        return protocol;
    }

    // "folds": k deals the groups of group_column (e.g. KoNViD clip keys) into k folds on the fly,
    // with the rule of `vmaf-repro folds` (Protocol/FoldAssignment); fold_seed defaults to 0.
    private static FoldAssignmentSettings? AssignFolds(string corpus, CorpusSection c, string file)
    {
        if (c.Folds is null)
        {
            if (c.FoldSeed is not null)
                Invalid(file, "VMR3108", $"corpus '{corpus}': \"fold_seed\" without \"folds\"", "Add \"folds\": 5 (and \"group_column\": the clip column), or remove \"fold_seed\".");
            return null;
        }
        var settings = new FoldAssignmentSettings(c.Folds.Value, c.FoldSeed ?? 0, c.GroupColumn ?? "source");
        VmafTiny.Repro.Protocol.FoldAssignment.Validate(settings, $"{System.IO.Path.GetFileName(file)}: corpus '{corpus}'", file);
        return settings;
    }

    // An override naming a corpus or architecture that is not configured would silently never apply.
    private static void UnknownOverrides(GatePolicy policy, List<CorpusSpec> corpora, List<Architecture> archs, string file)
    {
        foreach (var o in policy.Overrides)
        {
            if (o.Corpus is { } c && corpora.All(x => x.Name != c))
                throw new ReproException("VMR3106", $"invalid gate policy: an override names corpus '{MessageText.Printable(c)}', which is not configured (known: {MessageText.List(corpora.Select(x => x.Name))})",
                    "Fix the name in policy.overrides, or remove the override.", ExitCodes.UsageOrInputError, file);
            if (o.Arch is { } a && archs.All(x => x.Name != a))
                throw new ReproException("VMR3106", $"invalid gate policy: an override names architecture '{MessageText.Printable(a)}', which is not configured (known: {MessageText.List(archs.Select(x => x.Name))})",
                    "Fix the name in policy.overrides, or remove the override.", ExitCodes.UsageOrInputError, file);
        }
    }

    // The run result of a pair must never land on (or beside) its baseline: runs/<corpus>/<arch>.json
    // would overwrite baselines/<corpus>/<arch>.json, and the gate would compare a run with itself.
    private static void Folders(string baselines, string runs, string file)
    {
        static bool Within(string inner, string outer) =>
            inner.StartsWith(outer.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (baselines == runs || Within(baselines, runs) || Within(runs, baselines))
            Invalid(file, "VMR3108", $"baselines_dir ('{baselines}') and runs_dir ('{runs}') overlap",
                "Use two separate folders (the defaults are \"baselines\" and \"runs\"); neither may be inside the other.");
        foreach (var (key, dir) in new[] { ("baselines_dir", baselines), ("runs_dir", runs) })
        {
            var kind = FileKinds.Target(dir);
            if (kind is not (FileKind.Missing or FileKind.Directory))
                Invalid(file, "VMR3108", $"{key} '{dir}' is {FileKinds.Describe(kind)}, not a folder", $"Point {key} at a folder (it is created when missing).");
        }
    }

    private static GatePolicy Policy(PolicySection? p)
    {
        if (p is null) return GatePolicy.Default;
        return new GatePolicy
        {
            K = p.K ?? GatePolicy.DefaultK,
            Alpha = p.Alpha ?? GatePolicy.DefaultAlpha,
            Floors = MetricFloors.Default.With(Floors(p.Floors)),
            Overrides = (p.Overrides ?? []).Select(o => new PolicyOverride(o.Corpus, o.Arch, o.K, Floors(o.Floors))).ToList(),
        };
    }

    private static Dictionary<Metric, double> Floors(FloorsSection? f)
    {
        var d = new Dictionary<Metric, double>();
        if (f?.Plcc is { } plcc) d[Metric.Plcc] = plcc;
        if (f?.Srocc is { } srocc) d[Metric.Srocc] = srocc;
        if (f?.Krocc is { } krocc) d[Metric.Krocc] = krocc;
        if (f?.Rmse is { } rmse) d[Metric.Rmse] = rmse;
        return d;
    }

    private static string Resolve(string root, string path, string what, string file)
    {
        // A NUL or a line break cannot be part of a usable path (and would split the one-line errors).
        if (string.IsNullOrWhiteSpace(path) || path.Any(char.IsControl))
            Invalid(file, "VMR3108", $"{what} '{MessageText.Printable(path)}' is empty or contains a control character", "Write the path as plain text, relative to the configuration file.");
        return System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(root, path));
    }

    private static void Invalid(string file, string code, string message, string hint) =>
        throw new ReproException(code, $"{System.IO.Path.GetFileName(file)}: {message}", hint, ExitCodes.UsageOrInputError, file);

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }
}
