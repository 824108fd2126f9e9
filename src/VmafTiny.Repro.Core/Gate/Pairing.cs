namespace VmafTiny.Repro.Gate;

/// <summary>How the paired test matches the fresh result to the baseline.</summary>
public enum Pairing
{
    /// <summary>Per (fold, seed) cell; seed sets must be equal (the CI gate).</summary>
    Cells,
    /// <summary>
    /// Per fold, on each side's mean over its own seeds; seed sets may differ (calibration reruns
    /// with other seeds). Fold sets must still be equal.
    /// </summary>
    FoldMeans,
}
