namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>
/// Makes a folder really unwritable for the tool, also when the tests run as root (as in CI), where
/// chmod 555 is bypassed: root gets <c>chattr +i</c> (immutable: not even root may create, delete
/// or rename entries), or, where the file system has no such attribute, a read-only bind mount of
/// the folder over itself. Other users get chmod 555. Undone on dispose.
/// </summary>
internal sealed class UnwritableFolder : IDisposable
{
    private readonly string _dir;
    private readonly Action _undo;

    private UnwritableFolder(string dir, string how, Action undo)
    {
        _dir = dir;
        How = how;
        _undo = undo;
    }

    /// <summary>What was done: "chmod 555", "chattr +i" or "read-only bind mount".</summary>
    public string How { get; }

    public static UnwritableFolder Make(string dir)
    {
        UnwritableFolder made;
        if (!Shell.IsRoot)
        {
            if (Shell.Run("chmod", "555", dir).ExitCode != 0) throw new InvalidOperationException($"chmod 555 {dir} failed");
            made = new UnwritableFolder(dir, "chmod 555", () => Shell.Run("chmod", "755", dir));
        }
        else if (Shell.Run("chattr", "+i", dir).ExitCode == 0)
        {
            made = new UnwritableFolder(dir, "chattr +i", () => Shell.Run("chattr", "-i", dir));
        }
        else if (Shell.Run("mount", "--bind", dir, dir).ExitCode == 0)
        {
            if (Shell.Run("mount", "-o", "remount,ro,bind", dir, dir) is { ExitCode: not 0 } failed)
            {
                Shell.Run("umount", dir);
                throw new InvalidOperationException($"cannot make {dir} read-only as root: remount failed: {failed.Output}");
            }
            made = new UnwritableFolder(dir, "read-only bind mount", () => Shell.Run("umount", dir));
        }
        else
        {
            throw new InvalidOperationException($"cannot make {dir} unwritable as root: neither chattr +i nor a bind mount works here");
        }

        // The precondition the test relies on: a write into the folder really fails.
        var probe = Path.Combine(dir, ".probe");
        try
        {
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            made.Dispose();
            throw new InvalidOperationException($"{made.How} did not make {dir} unwritable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return made;
        }
    }

    public void Dispose() => _undo();

    public override string ToString() => $"{How} on {_dir}";
}
