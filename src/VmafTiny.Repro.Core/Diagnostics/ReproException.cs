namespace VmafTiny.Repro.Diagnostics;

/// <summary>
/// An expected failure with a stable code (<c>VMR####</c>), a one-line cause, and what to do next.
/// Front-ends print <c>error VMR####: cause. hint</c> and exit with <see cref="ExitCode"/>;
/// a stack trace only with --verbose.
/// </summary>
public sealed class ReproException : Exception
{
    public ReproException(string code, string message, string hint, int exitCode = ExitCodes.UsageOrInputError, string? file = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Hint = hint;
        ExitCode = exitCode;
        File = file;
    }

    /// <summary>The diagnostic code, e.g. <c>VMR2001</c>. See docs/diagnostics.md.</summary>
    public string Code { get; }

    /// <summary>What the user should do next.</summary>
    public string Hint { get; }

    /// <summary>The exit code a front-end returns for this failure (<see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    /// <summary>The file the problem is in, when there is one.</summary>
    public string? File { get; }

    /// <summary>The one-line rendering used by every front-end.</summary>
    public string ToOneLine() => $"error {Code}: {Message}{(File is null ? "" : $" ({File})")}. {Hint}";
}
