using System.Runtime.InteropServices;

namespace VmafTiny.Repro.IO;

/// <summary>What a path names, without opening it (so a FIFO never blocks and a symlink is seen as one).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Symlink,
    CharacterDevice,
    Fifo,
    BlockDevice,
    Socket,
    /// <summary>Not determinable here (not Linux); callers treat it like <see cref="Regular"/> after their own checks.</summary>
    Unknown,
}

/// <summary>lstat/stat of a path on Linux (x64 and arm64); elsewhere the .NET view (regular, directory or link).</summary>
public static class FileKinds
{
    /// <summary>The kind of the path itself; a symlink is <see cref="FileKind.Symlink"/>.</summary>
    public static FileKind Of(string path) => Stat(path, follow: false);

    /// <summary>The kind of what the path finally names (symlinks followed); a dangling link is <see cref="FileKind.Missing"/>.</summary>
    public static FileKind Target(string path) => Stat(path, follow: true);

    /// <summary>Lower-case words for messages ("a FIFO", "a character device").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.Symlink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    private static FileKind Stat(string path, bool follow)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
            return Managed(path, follow);
        var buf = new byte[256];
        if ((follow ? NativeStat(path, buf) : NativeLstat(path, buf)) != 0) return FileKind.Missing;
        // struct stat: st_mode follows dev, ino (and nlink on x86-64).
        var offset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        var mode = BitConverter.ToUInt32(buf, offset) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Symlink,
            0x2000 => FileKind.CharacterDevice,
            0x1000 => FileKind.Fifo,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    private static FileKind Managed(string path, bool follow)
    {
        var info = new FileInfo(path);
        if (!follow && info.LinkTarget is not null) return FileKind.Symlink;
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Unknown : FileKind.Missing;
    }

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int NativeLstat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buf);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buf);
}
