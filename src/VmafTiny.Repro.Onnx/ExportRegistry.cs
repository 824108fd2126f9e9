using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.IO;

namespace VmafTiny.Repro.Onnx;

/// <summary>
/// <c>registry.json</c> beside the models: <c>schema_version</c> 1 and entries (<c>id, kind, onnx,
/// sha256</c>, plus the int8 file when there is one) sorted by id. Created or updated atomically;
/// an entry with the same id is replaced, every other entry is kept as it was. An unreadable
/// registry is VMR6003 and is never overwritten.
/// </summary>
public static class ExportRegistry
{
    public const string FileName = "registry.json";

    public static void Upsert(string directory, JObject entry)
    {
        var path = Path.Combine(directory, FileName);
        var entries = new List<JObject>();
        if (File.Exists(path))
        {
            try
            {
                var existing = JObject.Parse(File.ReadAllText(path));
                if ((int?)existing["schema_version"] != 1) throw OnnxErrors.BadRegistry(path, $"schema_version {existing["schema_version"]} (expected 1)");
                if (existing["entries"] is not JArray array) throw OnnxErrors.BadRegistry(path, "no \"entries\" array");
                foreach (var e in array)
                {
                    if (e is not JObject o || o["id"]?.Type != JTokenType.String) throw OnnxErrors.BadRegistry(path, "an entry without a string \"id\"");
                    entries.Add(o);
                }
            }
            catch (JsonException e)
            {
                throw OnnxErrors.BadRegistry(path, e.Message, e);
            }
        }
        var id = (string)entry["id"]!;
        entries.RemoveAll(e => (string)e["id"]! == id);
        entries.Add(entry);
        var registry = new JObject
        {
            ["schema_version"] = 1,
            ["entries"] = new JArray(entries.OrderBy(e => (string)e["id"]!, StringComparer.Ordinal)),
        };
        AtomicFile.WriteAllText(path, registry.ToString(Formatting.Indented) + "\n");
    }
}
