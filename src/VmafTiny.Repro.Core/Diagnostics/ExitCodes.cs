namespace VmafTiny.Repro.Diagnostics;

/// <summary>
/// The process exit codes of every front-end. Documented in README.md; never renumber a value,
/// only add new ones.
/// </summary>
/// <remarks>
/// The one definition of the CLI / MSBuild task contract: the task (src/VmafTiny.Repro.MSBuild)
/// compiles this very file as a linked source, so it must stay dependency-free (BCL only).
/// </remarks>
public static class ExitCodes
{
    /// <summary>Everything passed (or the command did what it was asked).</summary>
    public const int Success = 0;

    /// <summary>At least one (corpus, arch) regressed (or diverged) against its baseline.</summary>
    public const int Regression = 1;

    /// <summary>Bad command line, configuration, corpus or baseline file: the message says what to fix.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>A baseline is missing, stale or not comparable (recipe, corpus, seeds or folds differ).</summary>
    public const int NotComparable = 3;

    /// <summary>The environment failed us: a file could not be written (read-only, disk full), libtorch did not load.</summary>
    public const int EnvironmentError = 4;

    /// <summary>Stopped by Ctrl-C or SIGTERM; finished trainings are kept in the cache.</summary>
    public const int Interrupted = 130;

    /// <summary>A bug: an unexpected exception. Re-run with --verbose and report it.</summary>
    public const int InternalError = 70;

    /// <summary>What an exit code means, in a few words (for messages that name a code).</summary>
    public static string Describe(int exitCode) => exitCode switch
    {
        Success => "pass",
        Regression => "regression",
        UsageOrInputError => "usage or input error",
        NotComparable => "not comparable or missing baseline",
        EnvironmentError => "environment error",
        InternalError => "internal error",
        Interrupted => "interrupted",
        _ => "not a vmaf-repro exit code",
    };
}
