using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.IO;

/// <summary>
/// Writing into a character device or FIFO the user named. Opening a FIFO blocks until a reader
/// comes; the open runs on its own thread so that Ctrl-C/SIGTERM still end the command (exit 130).
/// </summary>
internal static class InPlace
{
    public static void Write(string path, string full, Action<Stream> write, CancellationToken cancellationToken)
    {
        // The writer may need a seekable stream (Parquet); devices and FIFOs are not.
        using var buffer = new MemoryStream();
        write(buffer);
        try
        {
            var open = Task.Run(() => new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None), CancellationToken.None);
            open.Wait(cancellationToken);
            using var target = open.Result;
            buffer.Position = 0;
            buffer.CopyTo(target);
            target.Flush();
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, e.InnerException);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failed(path, e);
        }
    }

    private static ReproException Failed(string path, Exception e) =>
        new("VMR5001", $"could not write '{path}': {e.Message}",
            "Check that the device or pipe accepts writes (a FIFO needs a reader).", ExitCodes.EnvironmentError, path, e);
}
