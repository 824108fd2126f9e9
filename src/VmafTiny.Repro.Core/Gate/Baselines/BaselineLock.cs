using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// An exclusive lock on a baselines folder: <c>.lock</c>, retried for a few seconds. On Linux it
/// is opened with O_NOFOLLOW and locked with flock(2), so a <c>.lock</c> that is a symbolic link
/// is refused (VMR5002) instead of creating or locking the file it points to; elsewhere a
/// <see cref="FileShare.None"/> open. The file is left in place: deleting it on release would let
/// two processes lock two different inodes.
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
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

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
