using Spectre.Console.Testing;
using VmafTiny.Repro.Cli.Commands;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.TestSupport;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>What one in-process CLI invocation printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public string All => Output + Errors;

    /// <summary>The non-empty lines of standard error.</summary>
    public IReadOnlyList<string> ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>
/// Runs <c>CliApp.Run</c> in-process against test consoles, from a repository folder. Training
/// goes through <see cref="FakeTrainingEngine"/> (named <c>fake-&lt;--engine&gt;</c>, no libtorch)
/// unless the test asks for the real TorchSharp engines with <see cref="RunReal"/>.
/// </summary>
internal static class CliHost
{
    /// <summary>Wide enough that no table cell or message is wrapped.</summary>
    public const int ConsoleWidth = 400;

    /// <summary>The fake engine, named after the engine the options asked for.</summary>
    public static readonly Func<TrainingSettings, ITrainingEngine> FakeEngines = settings => new FakeTrainingEngine("fake-" + settings.Engine);

    public static CliResult Run(TempRepo repo, params string[] args) => Run(repo.Root, null, FakeEngines, args);

    /// <summary>With the TorchSharp engines (for tests about training itself: slow).</summary>
    public static CliResult RunReal(TempRepo repo, params string[] args) => Run(repo.Root, null, null, args);

    public static CliResult RunWithEnv(TempRepo repo, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        Run(repo.Root, variables, FakeEngines, args);

    /// <param name="engines">The engine factory; null for the TorchSharp engines.</param>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? variables, Func<TrainingSettings, ITrainingEngine>? engines, params string[] args)
    {
        using var console = new TestConsole().Width(ConsoleWidth);
        using var errors = new TestConsole().Width(ConsoleWidth);
        var env = new CliEnvironment(workingDirectory, name => variables is not null && variables.TryGetValue(name, out var v) ? v : null, isInteractive: false);
        var code = CliApp.Run(args, console, errors, env, CancellationToken.None, engines);
        return new CliResult(code, console.Output.NormalizeLineEndings(), errors.Output.NormalizeLineEndings());
    }
}
