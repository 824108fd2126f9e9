namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>What the CLI reads from its surroundings; injected so tests can fake it.</summary>
internal sealed class CliEnvironment
{
    public CliEnvironment(string workingDirectory, Func<string, string?> getVariable, bool isInteractive)
    {
        WorkingDirectory = workingDirectory;
        GetVariable = getVariable;
        IsInteractive = isInteractive;
    }

    public static CliEnvironment FromProcess() => new(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"));

    public string WorkingDirectory { get; }
    public Func<string, string?> GetVariable { get; }

    /// <summary>True on a terminal: live progress bars; false when redirected or in CI: plain lines.</summary>
    public bool IsInteractive { get; }

    /// <summary>CI=true (or 1): nothing is approved implicitly, output is plain.</summary>
    public bool IsCi => GetVariable("CI") is "true" or "1" or "True";

    /// <summary>The tool's version (informational version of this assembly).</summary>
    public static string ToolVersion { get; } =
        typeof(CliEnvironment).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
