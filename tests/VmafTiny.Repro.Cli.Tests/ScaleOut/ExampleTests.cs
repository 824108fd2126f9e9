using System.Diagnostics;
using System.Text.RegularExpressions;
using VmafTiny.Repro.Cli.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;
using static VmafTiny.Repro.Cli.Tests.ScaleOut.ExampleScripts;

namespace VmafTiny.Repro.Cli.Tests.ScaleOut;

/// <summary>
/// examples/scale-out: each file parses, has the structure its scheduler needs with one shard count
/// throughout, and (Slow) its vmaf-repro commands, run here with the fake engine the way the
/// scheduler would run them, split the grid, carry it to the merge, and pass the gate there.
/// </summary>
public sealed class ExampleTests
{
    private const string GitHub = "github-actions.yml";

    private static YamlMappingNode Workflow => Yaml(GitHub).Single();

    private static IEnumerable<YamlNode> Steps(string job) => ((YamlSequenceNode)At(Workflow, "jobs", job, "steps")).Children;

    private static IReadOnlyList<string> RunCommands(string job) =>
        Steps(job).Select(s => Find(s, "run")).OfType<YamlScalarNode>().SelectMany(r => ToolCommands(r.Value!)).ToList();

    private static YamlNode StepUsing(string job, string action) =>
        Assert.Single(Steps(job), s => Find(s, "uses") is YamlScalarNode u && u.Value!.StartsWith(action + "@", StringComparison.Ordinal));

    // The N of "--shard ${{ matrix.shard }}/N".
    private static int ShardCountOf(string command)
    {
        var args = Arguments(command, new Dictionary<string, string> { ["matrix.shard"] = "1" }, Folder).ToList();
        return int.Parse(Regex.Match(args[args.IndexOf("--shard") + 1], @"^1/(\d+)$").Groups[1].Value);
    }

    [Fact]
    public void GitHubActions_AMatrixOfShardsUploadsArchives_AndOneMergeJobImportsThemAndWritesTheSummary()
    {
        var matrix = ((YamlSequenceNode)At(Workflow, "jobs", "shard", "strategy", "matrix", "shard")).Children.Select(n => int.Parse(((YamlScalarNode)n).Value!)).ToList();
        var shardCommands = RunCommands("shard");
        var mergeCommands = RunCommands("merge");
        var n = ShardCountOf(Assert.Single(shardCommands, c => c.StartsWith("verify --shard", StringComparison.Ordinal)));

        Assert.Equal(Enumerable.Range(1, n), matrix);
        var export = Assert.Single(shardCommands, c => c.StartsWith("cache export ", StringComparison.Ordinal));
        Assert.Equal(export["cache export ".Length..], Text(StepUsing("shard", "actions/upload-artifact"), "with", "path"));
        Assert.Equal("shard", Text(Workflow, "jobs", "merge", "needs"));
        var download = StepUsing("merge", "actions/download-artifact");
        var uploaded = Text(StepUsing("shard", "actions/upload-artifact"), "with", "name");
        Assert.Matches("^" + Regex.Escape(Text(download, "with", "pattern")).Replace("\\*", ".*", StringComparison.Ordinal) + "$", uploaded.Replace("${{ matrix.shard }}", "1", StringComparison.Ordinal));
        Assert.Equal("true", Text(download, "with", "merge-multiple"));
        Assert.Equal($"cache import {Text(download, "with", "path")}/*.tar", mergeCommands[0]);
        var verify = Assert.Single(mergeCommands, c => c.StartsWith("verify ", StringComparison.Ordinal));
        Assert.Equal(n.ToString(), OptionValue(verify, "--from-shards"));
        var summary = Assert.Single(Steps("merge"), s => Find(s, "run") is YamlScalarNode r && r.Value!.Contains("$GITHUB_STEP_SUMMARY", StringComparison.Ordinal));
        Assert.Contains(OptionValue(verify, "--report-file")!, Text(summary, "run"));
    }

    [Fact]
    public void Kubernetes_AnIndexedJobOfShards_WithNCompletionsForAutoN_AndAMergeJobOnTheSameVolume()
    {
        var shards = Yaml("kubernetes/shards-job.yaml").Single();
        var merge = Yaml("kubernetes/merge-job.yaml").Single();
        var claim = Text(Yaml("kubernetes/pvc.yaml").Single(), "metadata", "name");
        var shardScript = Text(shards, "spec", "template", "spec", "containers", 0, "args", 0);
        var mergeScript = Text(merge, "spec", "template", "spec", "containers", 0, "args", 0);

        Assert.Equal(("batch/v1", "Job", "Indexed"), (Text(shards, "apiVersion"), Text(shards, "kind"), Text(shards, "spec", "completionMode")));
        var completions = Text(shards, "spec", "completions");
        Assert.Equal($"auto/{completions}", OptionValue(Assert.Single(ToolCommands(shardScript), c => c.StartsWith("verify", StringComparison.Ordinal)), "--shard"));
        Assert.Equal(completions, OptionValue(Assert.Single(ToolCommands(mergeScript), c => c.StartsWith("verify", StringComparison.Ordinal)), "--from-shards"));
        foreach (var job in new[] { shards, merge })
        {
            Assert.Equal("Never", Text(job, "spec", "template", "spec", "restartPolicy"));
            Assert.Equal(claim, Text(job, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
            Assert.Equal("/archives", Text(job, "spec", "template", "spec", "containers", 0, "volumeMounts", 0, "mountPath"));
        }
        var run = File.ReadAllText(PathOf("kubernetes/run.sh"));
        var wait = run.IndexOf($"kubectl wait --for=condition=complete --timeout=2h job/{Text(shards, "metadata", "name")}", StringComparison.Ordinal);
        Assert.InRange(wait, 0, run.IndexOf("kubectl apply -f merge-job.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Slurm_AnArrayOfShards_AndAMergeThatStartsAfterEveryTaskSucceeded()
    {
        var shard = File.ReadAllText(PathOf("slurm/shard.sbatch"));
        var merge = File.ReadAllText(PathOf("slurm/merge.sbatch"));
        var submit = File.ReadAllText(PathOf("slurm/submit.sh"));
        var array = Regex.Match(shard, @"^#SBATCH --array=(\d+)-(\d+)$", RegexOptions.Multiline);

        Assert.True(array.Success, "shard.sbatch has no #SBATCH --array=A-B");
        var n = int.Parse(array.Groups[2].Value) - int.Parse(array.Groups[1].Value) + 1;
        Assert.Equal("auto", OptionValue(Assert.Single(ToolCommands(shard)), "--shard"));
        Assert.Equal(n.ToString(), OptionValue(Assert.Single(ToolCommands(merge)), "--from-shards"));
        Assert.Matches(@"shards=\$\(sbatch --parsable ""\$here/shard.sbatch""\)", submit);
        Assert.Contains("sbatch --dependency=afterok:\"$shards\" \"$here/merge.sbatch\"", submit);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void TheShellScripts_ParseAsShellScripts()
    {
        foreach (var script in new[] { "kubernetes/run.sh", "slurm/submit.sh", "slurm/shard.sbatch", "slurm/merge.sbatch" })
        {
            var (code, output) = Shell.Run("bash", "-n", PathOf(script));
            Assert.True(code == 0, $"{script}: {output}");
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void GitHubActions_ItsCommands_RunHere_SplitTheGrid_AndTheMergePassesTheGate()
    {
        using var merge = TempRepo.FromTemplate(withCache: false);
        var matrix = ((YamlSequenceNode)At(Workflow, "jobs", "shard", "strategy", "matrix", "shard")).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();
        var download = Path.Combine(merge.Root, Text(StepUsing("merge", "actions/download-artifact"), "with", "path"));
        Directory.CreateDirectory(download);
        foreach (var shard in matrix)
        {
            using var job = TempRepo.Create();
            var variables = new Dictionary<string, string> { ["matrix.shard"] = shard };
            foreach (var command in RunCommands("shard")) Succeeds(job, Arguments(command, variables, job.Root));
            var artefact = Arguments(Text(StepUsing("shard", "actions/upload-artifact"), "with", "path"), variables, job.Root).Single();
            File.Copy(Path.Combine(job.Root, artefact), Path.Combine(download, Path.GetFileName(artefact)));
        }
        foreach (var command in RunCommands("merge")) Succeeds(merge, Arguments(command, new Dictionary<string, string>(), merge.Root));

        var step = Text(Assert.Single(Steps("merge"), s => Find(s, "run") is YamlScalarNode r && r.Value!.Contains("$GITHUB_STEP_SUMMARY", StringComparison.Ordinal)), "run");
        var summaryFile = Path.Combine(merge.Root, "summary.md");
        var psi = new ProcessStartInfo("bash", ["-c", step]) { WorkingDirectory = merge.Root, UseShellExecute = false };
        psi.Environment["GITHUB_STEP_SUMMARY"] = summaryFile;
        using (var bash = Process.Start(psi)!) { bash.WaitForExit(); Assert.Equal(0, bash.ExitCode); }
        Assert.StartsWith("## vmaf-repro gate: ", File.ReadAllText(summaryFile));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Kubernetes_ItsCommands_RunHere_OnePodPerIndex_AndTheMergePassesTheGate()
    {
        using var merge = TempRepo.FromTemplate(withCache: false);
        var volume = Path.Combine(merge.Root, "volume");
        Directory.CreateDirectory(volume);
        var mounts = new Dictionary<string, string> { ["/archives"] = volume };
        var shards = Yaml("kubernetes/shards-job.yaml").Single();
        var completions = int.Parse(Text(shards, "spec", "completions"));
        for (var index = 0; index < completions; index++)
        {
            using var pod = TempRepo.Create();
            var env = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = index.ToString() };
            foreach (var command in ToolCommands(Text(shards, "spec", "template", "spec", "containers", 0, "args", 0)))
                Succeeds(pod, Arguments(command, env, pod.Root, mounts), env);
        }
        Assert.Equal(completions, Directory.GetFiles(volume, "*.tar").Length);

        foreach (var command in ToolCommands(Text(Yaml("kubernetes/merge-job.yaml").Single(), "spec", "template", "spec", "containers", 0, "args", 0)))
            Succeeds(merge, Arguments(command, new Dictionary<string, string>(), merge.Root, mounts));
        Assert.StartsWith("## vmaf-repro gate: ", File.ReadAllText(Path.Combine(volume, "gate.md")));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Slurm_ItsCommands_RunHere_EveryArrayTaskOnTheSharedRepository_AndTheMergePassesTheGate()
    {
        using var repo = TempRepo.FromTemplate(withCache: false);
        var shard = File.ReadAllText(PathOf("slurm/shard.sbatch"));
        var array = Regex.Match(shard, @"^#SBATCH --array=(\d+)-(\d+)$", RegexOptions.Multiline);
        int min = int.Parse(array.Groups[1].Value), max = int.Parse(array.Groups[2].Value);
        for (var id = min; id <= max; id++)
        {
            var env = new Dictionary<string, string>
            {
                ["SLURM_ARRAY_TASK_ID"] = id.ToString(), ["SLURM_ARRAY_TASK_MIN"] = min.ToString(), ["SLURM_ARRAY_TASK_COUNT"] = (max - min + 1).ToString(),
            };
            foreach (var command in ToolCommands(shard)) Succeeds(repo, Arguments(command, env, repo.Root), env);
        }

        foreach (var command in ToolCommands(File.ReadAllText(PathOf("slurm/merge.sbatch"))))
            Succeeds(repo, Arguments(command, new Dictionary<string, string>(), repo.Root));
        Assert.StartsWith("## vmaf-repro gate: ", File.ReadAllText(Path.Combine(repo.Root, "gate.md")));
    }

    private static void Succeeds(TempRepo repo, string[] args, IReadOnlyDictionary<string, string>? env = null)
    {
        var result = CliHost.RunWithEnv(repo, env ?? new Dictionary<string, string>(), args);
        Assert.True(result.ExitCode == 0, $"vmaf-repro {string.Join(' ', args)}: {result}");
    }
}
