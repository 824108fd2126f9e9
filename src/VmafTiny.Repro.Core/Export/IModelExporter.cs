using VmafTiny.Repro.Recipe;

namespace VmafTiny.Repro.Export;

/// <summary>
/// Trains a ship model on a whole corpus, writes it as a shipped file and checks it. Implemented
/// outside the core (VmafTiny.Repro.Onnx); <c>verify</c> only sees this seam.
/// </summary>
public interface IModelExporter
{
    ExportOutcome Export(ExportSpec spec, Corpus.LoadedCorpus corpus, Architecture architecture, TrainingRecipe recipe,
        string outputDirectory, CancellationToken cancellationToken);
}
