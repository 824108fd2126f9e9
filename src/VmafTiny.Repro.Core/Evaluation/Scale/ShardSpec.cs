using System.Globalization;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Evaluation.Scale;

/// <summary>
/// Which share of the grid one job trains: shard <see cref="Index"/> (1-based) of <see cref="Count"/>.
/// Written <c>I/N</c> on the command line, or read from a scheduler's environment with
/// <c>auto</c> (Slurm array) or <c>auto/N</c> (Kubernetes Indexed Job, N = completions).
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Most shards of one grid (a grid has at most this many cells worth splitting).</summary>
    public const int MaxCount = 10_000;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>
    /// Parses <c>I/N</c> (1 ≤ I ≤ N ≤ <see cref="MaxCount"/>), <c>auto</c> or <c>auto/N</c>.
    /// <c>auto</c> reads Slurm's <c>SLURM_ARRAY_TASK_ID</c>, <c>SLURM_ARRAY_TASK_COUNT</c>,
    /// <c>SLURM_ARRAY_TASK_MIN</c> (and <c>SLURM_ARRAY_TASK_STEP</c>): I = (ID − MIN) / STEP + 1,
    /// N = COUNT. <c>auto/N</c> reads Kubernetes' 0-based <c>JOB_COMPLETION_INDEX</c>: I = index + 1
    /// (under Slurm, N must then equal the array's task count). Bad specs are VMR7001, a missing or
    /// inconsistent environment VMR7002 (both exit 2).
    /// </summary>
    public static ShardSpec Parse(string text, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        var parts = text.Trim().Split('/');
        if (parts.Length is < 1 or > 2 || (parts[0] != "auto" && parts.Length != 2))
            throw Bad(text, "is not I/N, auto or auto/N");
        int? count = parts.Length == 2 ? Number(parts[1], text, "N") : null;
        if (count is < 1 or > MaxCount)
            throw Bad(text, string.Create(CultureInfo.InvariantCulture, $"has N = {count}; N must be 1..{MaxCount}"));
        if (parts[0] != "auto")
        {
            var index = Number(parts[0], text, "I");
            if (index < 1 || index > count)
                throw Bad(text, string.Create(CultureInfo.InvariantCulture, $"has I = {index}; I is 1-based and must be 1..{count}"));
            return new ShardSpec(index, count!.Value);
        }
        return FromEnvironment(text, count, environment);
    }

    private static ShardSpec FromEnvironment(string text, int? count, Func<string, string?> environment)
    {
        var slurmId = environment("SLURM_ARRAY_TASK_ID");
        if (!string.IsNullOrEmpty(slurmId))
        {
            var id = EnvNumber(environment, "SLURM_ARRAY_TASK_ID", text);
            var n = EnvNumber(environment, "SLURM_ARRAY_TASK_COUNT", text);
            var min = EnvNumber(environment, "SLURM_ARRAY_TASK_MIN", text);
            var step = string.IsNullOrEmpty(environment("SLURM_ARRAY_TASK_STEP")) ? 1 : EnvNumber(environment, "SLURM_ARRAY_TASK_STEP", text);
            if (step < 1 || id < min || (id - min) % step != 0)
                throw Env(text, string.Create(CultureInfo.InvariantCulture, $"SLURM_ARRAY_TASK_ID {id} is not MIN {min} + a multiple of STEP {step}"));
            var index = (id - min) / step + 1;
            if (count is { } c && c != n)
                throw Env(text, string.Create(CultureInfo.InvariantCulture, $"asks for {c} shards but the Slurm array has SLURM_ARRAY_TASK_COUNT {n}"));
            if (n < 1 || n > MaxCount || index > n)
                throw Env(text, string.Create(CultureInfo.InvariantCulture, $"Slurm task {id} gives shard {index} of {n}, outside 1..{n}"));
            return new ShardSpec(index, n);
        }
        if (!string.IsNullOrEmpty(environment("JOB_COMPLETION_INDEX")))
        {
            if (count is null)
                throw Env(text, "found JOB_COMPLETION_INDEX (Kubernetes) but no shard count");
            var index = EnvNumber(environment, "JOB_COMPLETION_INDEX", text) + 1;
            if (index < 1 || index > count)
                throw Env(text, string.Create(CultureInfo.InvariantCulture, $"JOB_COMPLETION_INDEX {index - 1} is outside 0..{count - 1} (the Job's completions must equal N)"));
            return new ShardSpec(index, count.Value);
        }
        throw Env(text, "found neither SLURM_ARRAY_TASK_ID (Slurm array) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Job)");
    }

    private static int Number(string part, string text, string what) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(text, $"has {what} = '{part}', not a whole number");

    private static int EnvNumber(Func<string, string?> environment, string name, string text) =>
        int.TryParse(environment(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Env(text, $"{name} is '{environment(name)}', not a whole number");

    private static ReproException Bad(string text, string why) =>
        new("VMR7001", $"--shard '{MessageText.Escape(text)}' {why}",
            "Pass --shard I/N with 1 <= I <= N (e.g. --shard 2/4), --shard auto in a Slurm array, or --shard auto/N in a Kubernetes Indexed Job with N completions.",
            ExitCodes.UsageOrInputError);

    private static ReproException Env(string text, string why) =>
        new("VMR7002", $"--shard {MessageText.Escape(text)} {why}",
            "Use --shard auto inside a Slurm job array (sbatch --array), --shard auto/N inside a Kubernetes Indexed Job with completions N, or pass --shard I/N explicitly.",
            ExitCodes.UsageOrInputError);
}
