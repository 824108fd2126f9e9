using Newtonsoft.Json;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Export;
using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Config;

// One entry of "exports" (snake_case keys; unknown keys are errors like everywhere else).
internal sealed class ExportSection
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("corpus")] public string? Corpus { get; set; }
    [JsonProperty("arch")] public string? Arch { get; set; }
    [JsonProperty("seed")] public int? Seed { get; set; }
    [JsonProperty("min_plcc")] public double? MinPlcc { get; set; }
    [JsonProperty("int8_budget")] public double? Int8Budget { get; set; }

    /// <summary>
    /// The validated exports: each names a configured corpus and architecture, a distinct id that
    /// is a plain file name, a seed ≥ 0, min_plcc in [-1, 1], int8_budget in [0, 2]. Problems are VMR6005.
    /// </summary>
    public static IReadOnlyList<ExportSpec> Build(List<ExportSection?>? sections, IReadOnlyList<Corpus.CorpusSpec> corpora,
        IReadOnlyList<Architecture> archs, string file)
    {
        var result = new List<ExportSpec>();
        foreach (var (s, i) in (sections ?? []).Select((s, i) => (s, i)))
        {
            var where = $"exports[{i}]";
            if (s is null || string.IsNullOrWhiteSpace(s.Id) || string.IsNullOrWhiteSpace(s.Corpus) || string.IsNullOrWhiteSpace(s.Arch))
                throw Invalid(file, $"{where} needs \"id\", \"corpus\" and \"arch\"", "E.g. { \"id\": \"vmaf_tiny_v2\", \"corpus\": \"netflix-synth\", \"arch\": \"mlp_small\" }.");
            if (!ExportSpec.IsValidId(s.Id!))
                throw Invalid(file, $"{where}: id '{s.Id}' is not a plain file name", "Use letters, digits, '_', '.' or '-'.");
            if (corpora.All(c => c.Name != s.Corpus))
                throw Invalid(file, $"{where}: unknown corpus '{s.Corpus}'", "Name a corpus of the \"corpora\" section.");
            if (archs.All(a => a.Name != s.Arch))
                throw Invalid(file, $"{where}: unknown architecture '{s.Arch}'", "Name an architecture of the \"architectures\" section.");
            if (result.Any(e => e.Id == s.Id))
                throw Invalid(file, $"{where}: id '{s.Id}' is used twice", "Give every export its own id.");
            var limits = new ExportLimits(s.MinPlcc ?? ExportLimits.Default.MinPlcc, s.Int8Budget ?? ExportLimits.Default.Int8Budget);
            if (s.Seed is < 0 || !(limits.MinPlcc is >= -1 and <= 1) || !(limits.Int8Budget is >= 0 and <= 2))
                throw Invalid(file, $"{where}: seed must be ≥ 0, min_plcc in [-1, 1], int8_budget in [0, 2]", "The defaults are seed 0, min_plcc 0.97, int8_budget 0.01.");
            result.Add(new ExportSpec(s.Id!, s.Corpus!, s.Arch!, s.Seed ?? 0, limits));
        }
        return result;
    }

    private static ReproException Invalid(string file, string message, string hint) =>
        new("VMR6005", $"{Path.GetFileName(file)}: {message}", hint, ExitCodes.UsageOrInputError, file);
}
