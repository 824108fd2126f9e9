using Newtonsoft.Json.Linq;

namespace VmafTiny.Repro.Torch.Tests;

/// <summary>Loads the numpy/PyTorch reference vectors copied from shared/testvectors into Fixtures/.</summary>
internal static class TestVectors
{
    public static JObject Load(string name) =>
        JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "testvectors", name)));
}
