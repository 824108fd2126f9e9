namespace VmafTiny.Repro.IO;

/// <summary>
/// Where the <c>dotnet</c> host is: the one lookup of the CLI (<c>bench</c> starting its probes)
/// and the MSBuild tasks (running the tool), compiled into the task assembly as a linked source like
/// <c>Diagnostics/ExitCodes.cs</c>, so keep it dependency-free.
/// </summary>
public static class DotNetHost
{
    /// <summary>The host's file name on this OS: <c>dotnet</c>, or <c>dotnet.exe</c> on Windows.</summary>
    public static string FileName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    /// <summary>
    /// The host, first found of: <paramref name="explicitPath"/> (a property the user set, returned as
    /// it is, so that a wrong value is reported rather than replaced); <c>DOTNET_HOST_PATH</c> when
    /// it names an existing file (the SDK sets it for the tasks and tools it runs); the running
    /// process when it is the host itself; <c>dotnet</c> on <c>PATH</c>; else the bare
    /// <see cref="FileName"/>, left to the operating system's lookup.
    /// </summary>
    public static string Find(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return explicitPath;
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrWhiteSpace(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        if (Environment.ProcessPath is { } self && IsHost(self)) return self;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return FileName;
    }

    /// <summary>Whether <paramref name="path"/> is a dotnet host (which runs an app from its .dll), not an app's own executable.</summary>
    public static bool IsHost(string path) =>
        string.Equals(Path.GetFileName(path), FileName, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
