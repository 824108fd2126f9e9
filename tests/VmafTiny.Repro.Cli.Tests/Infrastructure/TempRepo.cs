using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Evaluation;

namespace VmafTiny.Repro.Cli.Tests.Infrastructure;

/// <summary>
/// A throw-away repository in a temp folder: vmaf-repro.json, a tiny corpus under data/, and
/// (when copied from <see cref="Template"/>) approved baselines and a warm training cache, so a
/// verify takes well under a second. Deleted on dispose.
/// </summary>
internal sealed class TempRepo : IDisposable
{
    /// <summary>The corpus name every test configuration uses.</summary>
    public const string CorpusName = "nf";

    /// <summary>Its path relative to the repository.</summary>
    public const string CorpusRelativePath = "data/nf.parquet";

    private static readonly string Parent = Path.Combine(Path.GetTempPath(), "vmaf-repro-cli-tests");

    private TempRepo(string root) => Root = root;

    public string Root { get; }
    public string ConfigPath => Path.Combine(Root, "vmaf-repro.json");
    public string CorpusPath => Path.Combine(Root, CorpusRelativePath);
    public string BaselinesDir => Path.Combine(Root, "baselines");
    public string RunsDir => Path.Combine(Root, "runs");
    public string CacheDir => Path.Combine(RunsDir, "cache");

    public string BaselinePath(string arch) => Path.Combine(BaselinesDir, CorpusName, arch + ".json");
    public string ReceivedPath(string arch) => Path.Combine(BaselinesDir, CorpusName, arch + ".received.json");
    public string RunPath(string arch) => Path.Combine(RunsDir, CorpusName, arch + ".json");

    /// <summary>An empty repository (no configuration, no corpus).</summary>
    public static TempRepo CreateEmpty()
    {
        var root = Path.Combine(Parent, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new TempRepo(root);
    }

    /// <summary>A repository with <paramref name="config"/> and the standard tiny corpus, nothing else.</summary>
    public static TempRepo Create(RepoConfig? config = null)
    {
        var repo = CreateEmpty();
        repo.WriteConfig(config ?? RepoConfig.Small());
        Directory.CreateDirectory(Path.GetDirectoryName(repo.CorpusPath)!);
        File.Copy(Template.CorpusFile, repo.CorpusPath);
        return repo;
    }

    /// <summary>
    /// A copy of the shared template: configuration, corpus, runs/ with the training cache and,
    /// unless <paramref name="withBaselines"/> is false, the approved baselines of both architectures.
    /// </summary>
    public static TempRepo FromTemplate(bool withBaselines = true, bool withCache = true)
    {
        var repo = CreateEmpty();
        CopyDirectory(Template.Root, repo.Root);
        if (!withBaselines) Directory.Delete(repo.BaselinesDir, recursive: true);
        if (!withCache) Directory.Delete(repo.CacheDir, recursive: true);
        return repo;
    }

    public void WriteConfig(RepoConfig config) => File.WriteAllText(ConfigPath, config.ToJson());

    /// <summary>Reads a JSON file of the repository as a JObject.</summary>
    public static JObject ReadJson(string path) => JObject.Parse(File.ReadAllText(path));

    public static void WriteJson(string path, JToken json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToString(Formatting.Indented));
    }

    /// <summary>Every file under <paramref name="dir"/> (recursively), hidden ones included.</summary>
    public static IReadOnlyList<string> FilesUnder(string dir) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    internal static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// <summary>
    /// Built once per test run: the small configuration, the 400-row synthetic Netflix-shaped
    /// corpus, one verify (cache filled, received files written) and one approve, all in-process
    /// with the fake engine (so its cache serves <see cref="CliHost.Run(TempRepo, string[])"/>;
    /// the real tool and <see cref="CliHost.RunReal"/> train afresh).
    /// </summary>
    internal static class Template
    {
        private static readonly Lazy<string> LazyRoot = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

        public static string Root => LazyRoot.Value;
        public static string CorpusFile => Path.Combine(Root, CorpusRelativePath);

        private static string Build()
        {
            SweepTemplatesOfEndedRuns();
            var root = Path.Combine(Parent, $"template-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
            Directory.CreateDirectory(root);
            var repo = new TempRepo(root);
            repo.WriteConfig(RepoConfig.Small());
            Workspace.GenerateSynthetic(new SyntheticCorpusSettings("netflix", 400, 1), repo.CorpusPath);
            var verify = CliHost.Run(repo, "verify", "--threads", "2");
            if (verify.ExitCode != 3) throw new InvalidOperationException($"template verify exited {verify.ExitCode}: {verify.Output}{verify.Errors}");
            var approve = CliHost.Run(repo, "approve", "--reason", "template");
            if (approve.ExitCode != 0) throw new InvalidOperationException($"template approve exited {approve.ExitCode}: {approve.Output}{approve.Errors}");
            return root;
        }

        // The test host is usually ended without running exit handlers, so each run deletes the
        // templates of earlier runs whose process is gone.
        private static void SweepTemplatesOfEndedRuns()
        {
            if (!Directory.Exists(Parent)) return;
            foreach (var dir in Directory.GetDirectories(Parent, "template-*"))
            {
                var parts = Path.GetFileName(dir).Split('-');
                if (parts.Length != 3 || !int.TryParse(parts[1], out var pid) || IsRunning(pid)) continue;
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        private static bool IsRunning(int pid)
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                return !p.HasExited;
            }
            catch (ArgumentException) { return false; }
        }
    }
}
