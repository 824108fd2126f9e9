namespace VmafTiny.Repro.MSBuild.Tests.Infrastructure;

/// <summary>A temp directory deleted on dispose (set VMAFREPRO_KEEP_TEST_DIRS=1 to keep it for a post-mortem).</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("VMAFREPRO_KEEP_TEST_DIRS") == "1") return;
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Copies a directory tree into <paramref name="destination"/>, leaving out build and run outputs.</summary>
    public static void Copy(string source, string destination)
    {
        string[] skip = ["bin", "obj", "runs", "corpus", "baselines"];
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.GetDirectories(source))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (!skip.Contains(name, StringComparer.Ordinal)) Copy(dir, System.IO.Path.Combine(destination, name));
        }
    }
}
