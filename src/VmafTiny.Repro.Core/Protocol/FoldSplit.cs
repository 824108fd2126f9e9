namespace VmafTiny.Repro.Protocol;

/// <summary>One fold: train on every row outside group <see cref="HeldOut"/>, evaluate on its rows.</summary>
public sealed record FoldSplit(int Index, string HeldOut, int[] TrainRows, int[] TestRows);
