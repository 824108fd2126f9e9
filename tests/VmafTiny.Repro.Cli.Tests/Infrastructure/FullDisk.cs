namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>
/// Puts a folder on a full disk: its content moves onto a tiny tmpfs mounted over it, and a filler
/// file takes the rest of the space, so the next write fails with ENOSPC. Needs root (CI runs as
/// root); <see cref="TryMount"/> returns null where mounting is not permitted. Unmounted on dispose.
/// </summary>
internal sealed class FullDisk : IDisposable
{
    private readonly string _dir;

    private FullDisk(string dir) => _dir = dir;

    public static FullDisk? TryMount(string dir)
    {
        var aside = dir.TrimEnd('/') + ".aside";
        TempRepo.CopyDirectory(dir, aside);
        if (Shell.Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir).ExitCode != 0)
        {
            Directory.Delete(aside, recursive: true);
            return null;
        }
        var disk = new FullDisk(dir);
        try
        {
            TempRepo.CopyDirectory(aside, dir);
            Directory.Delete(aside, recursive: true);
            Fill(Path.Combine(dir, ".filler"));
        }
        catch
        {
            disk.Dispose();
            throw;
        }
        return disk;
    }

    private static void Fill(string path)
    {
        using var filler = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var chunk = new byte[1024];
        try
        {
            while (true) filler.Write(chunk);
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full.
        }
    }

    public void Dispose()
    {
        if (Shell.Run("umount", _dir).ExitCode != 0) Shell.Run("umount", "-l", _dir);
    }
}
