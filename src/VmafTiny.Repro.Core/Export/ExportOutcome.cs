namespace VmafTiny.Repro.Export;

/// <summary>The figures the export checks measured over every corpus row.</summary>
public sealed record ShipFigures(int Rows, double MaxParityDelta, double Plcc, double Srocc, double Rmse, double Int8Plcc, double Int8Drop);

/// <summary>A file an export wrote, as it is on disk.</summary>
public sealed record ExportedFile(string Path, string Sha256, long Bytes);

/// <summary>What one export produced (the model, its int8 twin, sidecar, registry) and how its checks went.</summary>
public sealed record ExportOutcome(string Id, string Corpus, string Arch, ExportedFile Onnx, ExportedFile Int8, ExportedFile Sidecar,
    ExportedFile Registry, ShipFigures Figures, IReadOnlyList<ExportCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);
}
