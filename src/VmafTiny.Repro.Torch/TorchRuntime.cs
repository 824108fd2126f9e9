using TorchSharp;

namespace VmafTiny.Repro.Torch;

/// <summary>
/// Process-wide torch state. The torch CPU generator is global, so seeding and constructing a
/// model happen under <see cref="SeedLock"/>. Intra-op threads are pinned per training thread
/// because 2 intra-op threads can stall ~100x on small machines (OpenMP spinning).
/// </summary>
internal static class TorchRuntime
{
    /// <summary>Held while calling manual_seed and constructing the layers that draw from it.</summary>
    public static readonly object SeedLock = new();

    private static string? _backend;

    /// <summary>e.g. "libtorch 2.10.0 (TorchSharp 0.107.0)". Loads libtorch on first use.</summary>
    public static string Backend => _backend ??= Describe();

    private static readonly object ThreadsLock = new();
    private static int _threads;

    /// <summary>
    /// Sets libtorch's intra-op thread count. It is process-wide (each thread picks the value up
    /// lazily on its first parallel region), so it is set under a lock and only when it changes:
    /// concurrent calls from training threads raced inside libtorch.
    /// </summary>
    public static void UseThreads(int intraOpThreads)
    {
        EnsureLoaded();
        lock (ThreadsLock)
        {
            if (_threads == intraOpThreads) return;
            torch.set_num_threads(intraOpThreads);
            _threads = intraOpThreads;
        }
    }

    /// <summary>
    /// Loads libtorch, turning a load failure into a ReproException with advice rather than a
    /// TypeInitializationException deep in a training.
    /// </summary>
    public static void EnsureLoaded()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException or InvalidOperationException)
        {
            throw new Diagnostics.ReproException("VMR4001",
                $"libtorch could not be loaded: {FirstLine(e.GetBaseException().Message)}",
                "Rebuild so that eng/TorchSharpNative.targets can prepare libLibTorchSharp.so for this host (dotnet build), or reinstall the tool; see README 'Troubleshooting'.",
                Diagnostics.ExitCodes.EnvironmentError, inner: e);
        }
    }

    /// <summary>
    /// Collects garbage once no training runs. Tensors are released by dispose scopes, but their
    /// managed wrappers (and anything a scope missed) hold native memory the GC cannot see, so RSS
    /// grows until a collection. Never called while trainings run: a collection on one thread
    /// can finalize a temporary TorchSharp Scalar another thread is passing to libtorch.
    /// </summary>
    public static void CollectBetweenGrids()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Describe()
    {
        EnsureLoaded();
        var torchSharp = typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "?";
        return $"libtorch {torch.__version__} (TorchSharp {torchSharp})";
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }
}
