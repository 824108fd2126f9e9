using VmafTiny.Repro.Export;
using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Onnx;

/// <summary>The ONNX exporter behind <c>verify</c>'s configured exports.</summary>
public sealed class OnnxModelExporter : IModelExporter
{
    public ExportOutcome Export(ExportSpec spec, Corpus.LoadedCorpus corpus, Architecture architecture, TrainingRecipe recipe,
        string outputDirectory, CancellationToken cancellationToken) =>
        ShipExporter.Export(new ExportRequest(spec.Id, architecture, recipe, spec.Seed, corpus.FeatureNames, corpus.Features, corpus.Target,
            outputDirectory, spec.Limits, corpus.Name), cancellationToken);
}
