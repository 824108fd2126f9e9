using System.Text;
using VmafTiny.Repro.Diagnostics;

namespace VmafTiny.Repro.IO;

/// <summary>
/// Writes a file so that readers (and a crash, or kill -9) only ever see the old content or the
/// new one: write a temporary file in the same folder, flush it to disk, then rename it over the
/// target. A failure (read-only folder, full disk) leaves the target untouched and raises
/// <see cref="ReproException"/> VMR5001 with exit code <see cref="ExitCodes.EnvironmentError"/>.
/// A temp file left by a killed writer is deleted by the next successful write of the same file.
/// </summary>
/// <remarks>
/// Only regular files (or nothing) are ever replaced. A target that is a character device or a
/// FIFO (or a symlink to one) is written in place when the caller allows it
/// (<see cref="SpecialTarget.WriteInPlace"/>: outputs the user named, e.g. --report-file /dev/stdout);
/// every other non-regular target (a folder, a socket, a block device, or a device where the tool
/// chose the path) is refused with VMR5003, exit 2, and nothing is written.
/// </remarks>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content, SpecialTarget special = SpecialTarget.Refuse, CancellationToken cancellationToken = default) =>
        WriteAllBytes(path, new UTF8Encoding(false).GetBytes(content), special, cancellationToken);

    public static void WriteAllBytes(string path, byte[] content, SpecialTarget special = SpecialTarget.Refuse, CancellationToken cancellationToken = default) =>
        Write(path, stream => stream.Write(content), special, cancellationToken);

    /// <summary>
    /// Writes through <paramref name="write"/> into a temporary file (a seekable read/write
    /// stream, so that writers such as Parquet's can use it), then flushes and renames it over
    /// <paramref name="path"/>. An exception from <paramref name="write"/> leaves the target untouched.
    /// </summary>
    public static void Write(string path, Action<Stream> write, SpecialTarget special = SpecialTarget.Refuse, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Target(full);
        if (kind is FileKind.CharacterDevice or FileKind.Fifo && special == SpecialTarget.WriteInPlace)
        {
            InPlace.Write(path, full, write, cancellationToken);
            return;
        }
        if (kind is not (FileKind.Missing or FileKind.Regular or FileKind.Unknown))
            throw NotRegular(path, kind, special);
        var dir = Path.GetDirectoryName(full)!;
        if (FileKinds.Target(dir) is not (FileKind.Missing or FileKind.Directory or FileKind.Unknown))
            throw new ReproException("VMR5003", $"cannot write '{path}': '{dir}' is {FileKinds.Describe(FileKinds.Target(dir))}, not a folder",
                "Point the path at a folder (or remove the file that stands where the folder should be).", ExitCodes.UsageOrInputError, path);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw new ReproException("VMR5001", $"could not write '{path}': {e.Message}",
                "Check that the folder is writable and the disk has space; the previous file, if any, is unchanged.",
                ExitCodes.EnvironmentError, path, e);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
        SweepStale(dir, Path.GetFileName(full));
    }

    private static ReproException NotRegular(string path, FileKind kind, SpecialTarget special) =>
        new("VMR5003", $"will not replace '{path}': it is {FileKinds.Describe(kind)}, not a regular file",
            special == SpecialTarget.WriteInPlace
                ? "Name a regular file, a character device (e.g. /dev/stdout) or a FIFO."
                : "Move it away: vmaf-repro only replaces regular files here.",
            ExitCodes.UsageOrInputError, path);

    // A process killed between creating its temp file and the rename (kill -9, power loss) leaves
    // ".<name>.<pid>.<guid>.tmp" behind; the next successful write of the same file deletes those
    // whose process is gone, so they do not pile up (or get committed) beside the baselines.
    private static void SweepStale(string dir, string name)
    {
        try
        {
            foreach (var stale in Directory.EnumerateFiles(dir, $".{name}.*.tmp"))
            {
                var parts = Path.GetFileName(stale)[(name.Length + 2)..].Split('.');
                if (parts.Length == 3 && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    && pid != Environment.ProcessId && !IsRunning(pid))
                    TryDelete(stale);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
