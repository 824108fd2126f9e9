using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Gate;

/// <summary>
/// A result file the Python reference wrote (shared/docs/recipe.md, "Reference output JSON"): it has
/// the reference's keys only, so no <c>schema_version</c> and no <c>provenance</c>, which every file
/// this tool writes carries. Its SROCC ranks ties arbitrarily (a double argsort) where this tool
/// averages tied ranks (as SciPy), and ties are common (VMAF clips at 100): the two SROCCs differ
/// by the method, not the model, so the gate does not judge SROCC against such a baseline.
/// </summary>
public static class ReferenceFormat
{
    /// <summary>Why SROCC is not compared against a reference-format baseline.</summary>
    public const string SroccReason = "reference-format baseline: SROCC tie handling differs (arbitrary vs averaged ranks)";

    /// <summary>True for a file in the reference's format: no schema_version and no provenance.</summary>
    public static bool Is(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.SchemaVersion is null && result.Provenance is null;
    }

    /// <summary>The reason metric <paramref name="m"/> is not judged against <paramref name="baseline"/>, or null when it is.</summary>
    public static string? NotJudged(EvaluationResult baseline, Metric m) =>
        m == Metric.Srocc && Is(baseline) ? SroccReason : null;
}
