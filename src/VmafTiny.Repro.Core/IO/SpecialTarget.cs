namespace VmafTiny.Repro.IO;

/// <summary>What <see cref="AtomicFile"/> does when the target is a character device or a FIFO.</summary>
public enum SpecialTarget
{
    /// <summary>Refuse (VMR5003): the path was chosen by the tool (baselines, runs, cache).</summary>
    Refuse,
    /// <summary>Write into it, without replacing the node: the user named it (--report-file /dev/stdout, --out fifo).</summary>
    WriteInPlace,
}
