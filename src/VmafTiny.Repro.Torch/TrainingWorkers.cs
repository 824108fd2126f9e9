namespace VmafTiny.Repro.Torch;

/// <summary>
/// Runs work items on dedicated threads, each with one intra-op thread (two intra-op threads can
/// stall ~100x on small machines): the first failure stops the others and is rethrown; garbage is
/// collected once all workers are done (see <see cref="TorchRuntime.CollectBetweenGrids"/>).
/// </summary>
internal static class TrainingWorkers
{
    /// <summary>Processes every item, <paramref name="parallelism"/> at a time; <paramref name="process"/> returns false when it was cancelled.</summary>
    public static void Run<T>(IReadOnlyList<T> items, int parallelism, string name, Func<T, bool> process, CancellationToken cancellationToken)
    {
        TorchRuntime.EnsureLoaded();
        var next = -1;
        Exception? failure = null;
        var workers = Enumerable.Range(0, Math.Min(parallelism, items.Count)).Select(_ => new Thread(() =>
        {
            try
            {
                TorchRuntime.UseThreads(1);
                int i;
                while (Volatile.Read(ref failure) is null && !cancellationToken.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < items.Count)
                    if (!process(items[i])) break;
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = name }).ToList();
        foreach (var w in workers) w.Start();
        foreach (var w in workers) w.Join();
        TorchRuntime.CollectBetweenGrids();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
