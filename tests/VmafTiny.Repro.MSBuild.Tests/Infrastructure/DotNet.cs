using System.Diagnostics;
using System.Text;

namespace VmafTiny.Repro.MSBuild.Tests.Infrastructure;

/// <summary>The result of one child process: exit code and interleaved stdout/stderr.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"$ {Command}\n(exit {ExitCode})\n{Output}";
}

/// <summary>Runs <c>dotnet</c> out of process with a clean MSBuild environment (nothing of the test host's build leaks in).</summary>
internal static class DotNet
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Host { get; } = IO.DotNetHost.Find();

    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] args) =>
        RunProcess(Host, workingDirectory, environment, timeout, args);

    /// <summary>Starts <c>dotnet</c> with the same clean environment and returns at once (output read and dropped).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var p = new Process { StartInfo = StartInfo(Host, workingDirectory, environment, args) };
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    public static ProcessResult RunProcess(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] args)
    {
        var psi = StartInfo(fileName, workingDirectory, environment, args);
        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            throw new TimeoutException($"'{fileName} {string.Join(' ', args)}' did not finish in {timeout}:\n{output}");
        }
        p.WaitForExit();
        lock (output) return new ProcessResult($"{fileName} {string.Join(' ', args)}", p.ExitCode, output.ToString());
    }

    private static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string[] args)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                psi.Environment.Remove(key);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;

        return psi;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VmafTiny.Repro.sln"))) return dir.FullName;
        throw new InvalidOperationException("VmafTiny.Repro.sln not found above " + AppContext.BaseDirectory);
    }
}
