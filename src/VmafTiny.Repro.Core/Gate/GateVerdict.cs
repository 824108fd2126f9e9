namespace VmafTiny.Repro.Gate;

/// <summary>The one verdict of a (corpus, arch) pair. Declared worst first (report order).</summary>
public enum GateVerdict
{
    /// <summary>A metric moved in the bad direction beyond its band or consistently beyond its floor, or a cell diverged.</summary>
    Regressed,
    /// <summary>Recipe, corpus, seeds or folds differ: the numbers cannot be compared.</summary>
    NotComparable,
    /// <summary>The baseline cannot be judged against: a cell metric is missing or non-finite without a reason, or nothing could be compared.</summary>
    InvalidBaseline,
    /// <summary>A fresh result with no baseline.</summary>
    MissingBaseline,
    /// <summary>Some metric moved beyond its band in the good direction and none regressed (passes; approve to keep it).</summary>
    Improved,
    /// <summary>A baseline whose pair is no longer configured (a warning).</summary>
    StaleBaseline,
    /// <summary>Within the bands and no consistent shift.</summary>
    Pass,
}
