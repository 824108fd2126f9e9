using System.Diagnostics;

namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>Small system commands the process tests need (chattr, mount), with their results.</summary>
internal static class Shell
{
    public static bool IsRoot => Environment.UserName == "root" || GetUid() == 0;

    /// <summary>Runs a command; returns its exit code and combined output (-1 when it cannot start).</summary>
    public static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit(30_000);
            return (p.ExitCode, output.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    private static int GetUid()
    {
        var (code, output) = Run("id", "-u");
        return code == 0 && int.TryParse(output, out var uid) ? uid : -1;
    }
}
