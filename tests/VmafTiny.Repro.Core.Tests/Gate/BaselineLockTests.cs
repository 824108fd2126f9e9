using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Baselines;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Core.Tests.Gate;

/// <summary>
/// The baselines lock never follows a symbolic link: on this platform through O_NOFOLLOW (Acquire),
/// and through the portable path that other platforms take (OpenPortable), run here directly.
/// </summary>
public sealed class BaselineLockTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmr-lock-");
    private string Baselines => Path.Combine(_dir.FullName, "baselines");
    private string LockPath => Path.Combine(Baselines, ".lock");
    private string Outside => Path.Combine(_dir.FullName, "outside", "target");

    public BaselineLockTests()
    {
        Directory.CreateDirectory(Baselines);
        Directory.CreateDirectory(Path.GetDirectoryName(Outside)!);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Acquire_RefusesASymlinkedLock_AndCreatesNothingWhereItPoints()
    {
        File.CreateSymbolicLink(LockPath, Outside);
        var e = Assert.Throws<ReproException>(() => BaselineLock.Acquire(Baselines, TimeSpan.Zero));
        Assert.Equal("VMR5002", e.Code);
        Assert.Equal(ExitCodes.EnvironmentError, e.ExitCode);
        Assert.False(File.Exists(Outside));
    }

    [Fact]
    public void OpenPortable_CreatesARegularLockFile_AndHoldsItExclusively()
    {
        using (var held = BaselineLock.OpenPortable(LockPath))
        {
            Assert.Equal(FileKind.Regular, FileKinds.Of(LockPath));
            Assert.ThrowsAny<IOException>(() => BaselineLock.OpenPortable(LockPath));
        }
        using var again = BaselineLock.OpenPortable(LockPath); // the existing file, once released
        Assert.Equal(FileKind.Regular, FileKinds.Of(LockPath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OpenPortable_RefusesASymlinkedLock_DanglingOrNot_AndCreatesNothingWhereItPoints(bool targetExists)
    {
        if (targetExists) File.WriteAllText(Outside, "precious");
        File.CreateSymbolicLink(LockPath, Outside);

        var e = Assert.Throws<ReproException>(() => BaselineLock.OpenPortable(LockPath));

        Assert.Equal("VMR5002", e.Code);
        Assert.Contains("is a symbolic link", e.Message);
        Assert.Equal(targetExists, File.Exists(Outside));
        if (targetExists) Assert.Equal("precious", File.ReadAllText(Outside));
        Assert.Equal(FileKind.Symlink, FileKinds.Of(LockPath));
    }

    [Fact]
    public void Acquire_ReportsTheLockHeld_WhenAnotherHolderKeepsIt()
    {
        using var held = BaselineLock.Acquire(Baselines, TimeSpan.Zero);
        var e = Assert.Throws<ReproException>(() => BaselineLock.Acquire(Baselines, TimeSpan.Zero));
        Assert.Equal("VMR3204", e.Code);
    }
}
