using Spectre.Console.Testing;
using VmafTiny.Repro.Cli.Infrastructure;

namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>What one in-process CLI invocation printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public string All => Output + Errors;

    /// <summary>The non-empty lines of standard error.</summary>
    public IReadOnlyList<string> ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>Runs <c>CliApp.Run</c> in-process against test consoles, from a repository folder.</summary>
internal static class CliHost
{
    /// <summary>Wide enough that no table cell or message is wrapped.</summary>
    public const int ConsoleWidth = 400;

    public static CliResult Run(TempRepo repo, params string[] args) => Run(repo.Root, null, args);

    public static CliResult RunWithEnv(TempRepo repo, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        Run(repo.Root, variables, args);

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        using var console = new TestConsole().Width(ConsoleWidth);
        using var errors = new TestConsole().Width(ConsoleWidth);
        var env = new CliEnvironment(workingDirectory, name => variables is not null && variables.TryGetValue(name, out var v) ? v : null, isInteractive: false);
        var code = CliApp.Run(args, console, errors, env, CancellationToken.None);
        return new CliResult(code, console.Output.NormalizeLineEndings(), errors.Output.NormalizeLineEndings());
    }
}
