namespace VmafTiny.Repro.Export;

/// <summary>
/// One check of an exported model, a verdict with a code (docs/diagnostics.md): the measured
/// figure, the limit it is held to, and whether it passed.
/// </summary>
public sealed record ExportCheck(string Code, string Name, bool Passed, double Figure, double Limit, string Detail)
{
    public const string Parity = "VMR6101";
    public const string Quality = "VMR6102";
    public const string Int8 = "VMR6103";
    public const string File = "VMR6104";
}

/// <summary>The limits the checks hold an export to (configurable per export in vmaf-repro.json).</summary>
public sealed record ExportLimits(double MinPlcc = 0.97, double Int8Budget = 0.01, double MaxParityDelta = 1e-4)
{
    public static ExportLimits Default { get; } = new();
}
