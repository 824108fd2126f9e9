namespace VmafTiny.Repro.Gate.Baselines;

/// <summary>What <see cref="BaselineStore.WriteReceived"/> did.</summary>
public enum ReceivedWrite
{
    /// <summary>The received file was written: it differs from the baseline (or there is none).</summary>
    Written,
    /// <summary>The fresh result equals the baseline: no received file (a stale one was deleted).</summary>
    SameAsBaseline,
}
