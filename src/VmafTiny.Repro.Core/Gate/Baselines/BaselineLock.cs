using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// An exclusive lock on a baselines folder: <c>.lock</c>, retried for a few seconds. A <c>.lock</c>
/// that is a symbolic link is refused (VMR5002), never followed: nothing is created or locked
/// where it points. On Linux x64/arm64 (where the flag values are known and tested) the file is
/// opened with O_NOFOLLOW and locked with flock(2); everywhere else (macOS, FreeBSD, Windows,
/// other Linux architectures) by <see cref="OpenPortable"/>, with no platform constant. The file is
/// left in place: deleting it on release would let two processes lock two different inodes.
/// </summary>
internal sealed class BaselineLock : IDisposable
{
    private readonly FileStream _stream;

    private BaselineLock(FileStream stream) => _stream = stream;

    public static BaselineLock Acquire(string root, TimeSpan timeout)
    {
        var kind = FileKinds.Of(root);
        if (kind is not (FileKind.Missing or FileKind.Directory or FileKind.Symlink or FileKind.Unknown) ||
            (kind == FileKind.Symlink && FileKinds.Target(root) is not (FileKind.Directory or FileKind.Missing)))
            throw new ReproException("VMR3108", $"the baselines folder '{root}' is {FileKinds.Describe(FileKinds.Target(root))}, not a folder",
                "Point baselines_dir at a folder (or move the file away).", ExitCodes.UsageOrInputError, root);
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, ".lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new BaselineLock(Open(path));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                throw new ReproException("VMR3204", $"the baselines folder is locked by another vmaf-repro process ({path})",
                    "Wait for the other approve/verify to finish and retry; if none is running, the lock is released by the OS and a retry succeeds.",
                    ExitCodes.EnvironmentError, path, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new ReproException("VMR5002", $"cannot create the lock file '{path}': {e.Message}",
                    "Check that the baselines folder is writable.", ExitCodes.EnvironmentError, path, e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static FileStream Open(string path)
    {
        var kind = FileKinds.Of(path);
        if (kind is not (FileKind.Missing or FileKind.Regular or FileKind.Unknown))
            throw NotAFile(path, kind);
        return OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64
            ? OpenNoFollow(path)
            : OpenPortable(path);
    }

    /// <summary>
    /// The lock without O_NOFOLLOW: create it with O_CREAT|O_EXCL (<see cref="FileMode.CreateNew"/>),
    /// which never follows a symbolic link (POSIX: it fails with EEXIST on one, dangling or not);
    /// when it exists, check it is not a link (lstat), open it without creating, and check again
    /// (lstat) after the open, so a link swapped in between is refused too. At worst that race
    /// opens, never creates or writes, a file elsewhere, and lets it go at once.
    /// </summary>
    internal static FileStream OpenPortable(string path)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (FileKinds.Of(path) is not FileKind.Missing)
        {
            // It exists (or is a link): fall through to open the existing file.
        }
        var before = FileKinds.Of(path);
        if (before is FileKind.Missing) throw new IOException($"'{path}' disappeared while it was being locked"); // retried
        if (before is not (FileKind.Regular or FileKind.Unknown)) throw NotAFile(path, before);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
        var after = FileKinds.Of(path);
        if (after is FileKind.Regular or FileKind.Unknown) return stream;
        stream.Dispose();
        throw NotAFile(path, after);
    }

    private static FileStream OpenNoFollow(string path)
    {
        // Linux's values; O_NOFOLLOW differs between x86-64 (0400000) and arm64 (0100000).
        const int ORdWr = 2, OCreat = 0x40, OCloexec = 0x80000;
        var oNoFollow = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 0x20000 : 0x8000;
        var fd = NativeOpen(path, ORdWr | OCreat | OCloexec | oNoFollow, 0x1A4 /* 0644 */);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == 40 /* ELOOP: the last component is a symlink */) throw NotAFile(path, FileKind.Symlink);
            if (errno is 13 or 30 /* EACCES, EROFS */) throw new UnauthorizedAccessException(Marshal.GetPInvokeErrorMessage(errno));
            throw new ReproException("VMR5002", $"cannot create the lock file '{path}': {Marshal.GetPInvokeErrorMessage(errno)}",
                "Check that the baselines folder is writable.", ExitCodes.EnvironmentError, path);
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (NativeFlock(fd, 2 | 4 /* LOCK_EX | LOCK_NB */) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException($"flock failed: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        return new FileStream(handle, FileAccess.ReadWrite, 1);
    }

    private static ReproException NotAFile(string path, FileKind kind) =>
        new("VMR5002", $"the lock file '{path}' is {FileKinds.Describe(kind)}; vmaf-repro does not follow or replace it",
            "Delete it (rm, not the file it points to); vmaf-repro creates a regular lock file itself.", ExitCodes.EnvironmentError, path);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int NativeFlock(int fd, int operation);
}
