using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>
/// An exclusive lock on a baselines folder: <c>.lock</c> opened with <see cref="FileShare.None"/>
/// (an advisory lock on Unix, a sharing lock on Windows), retried for a few seconds. The file is
/// left in place: deleting it on release would let two processes lock two different inodes.
/// </summary>
internal sealed class BaselineLock : IDisposable
{
    private readonly FileStream _stream;

    private BaselineLock(FileStream stream) => _stream = stream;

    public static BaselineLock Acquire(string root, TimeSpan timeout)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, ".lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new BaselineLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
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
}
