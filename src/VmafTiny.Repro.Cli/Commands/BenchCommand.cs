using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Torch;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro bench</c>: for each architecture, the sequential and the batched engine side by side
/// in one run on the same machine — wall time and ratio, peak RSS (each measurement in its own
/// process), achieved GFLOP/s against this machine's measured matmul peak — on a Netflix-shaped
/// and a KoNViD-shaped synthetic corpus.
/// </summary>
internal sealed class BenchCommand(CliServices services) : Command<BenchCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--netflix-rows <N>")] [DefaultValue(11040)] public int NetflixRows { get; init; } = 11040;
        [CommandOption("--konvid-rows <N>")] [Description("0 skips the KoNViD-shaped corpus.")] [DefaultValue(270000)] public int KonvidRows { get; init; } = 270000;
        [CommandOption("--arch <NAMES>")] [DefaultValue("mlp_small,mlp_medium,mlp_large")] public string Arch { get; init; } = "mlp_small,mlp_medium,mlp_large";
        [CommandOption("--epochs <N>")] [DefaultValue(90)] public int Epochs { get; init; } = 90;
        [CommandOption("--konvid-sequential-trainings <N>")]
        [Description("Trainings the sequential engine runs on the KoNViD-shaped corpus (seed 0, the first N folds; its full grid of 25 takes most of an hour here); its grid time is extrapolated per training and marked so. 0 = the whole grid.")]
        [DefaultValue(2)]
        public int KonvidSequentialTrainings { get; init; } = 2;
        [CommandOption("--out <DIR>")] [Description("Where the benchmark corpora are written (default runs/bench).")] public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dir = Path.GetFullPath(settings.Out ?? Path.Combine("runs", "bench"), services.Environment.WorkingDirectory);
        var corpora = new List<(string Name, string Path, string Group, int SequentialSubset)>();
        corpora.Add(("netflix-shaped", Generate(dir, "netflix", settings.NetflixRows), "source", 0));
        if (settings.KonvidRows > 0) corpora.Add(("konvid-shaped", Generate(dir, "konvid", settings.KonvidRows), "fold", settings.KonvidSequentialTrainings));
        var peak1 = TorchBenchmarks.MatmulGflops(1);
        var cores = Environment.ProcessorCount;
        var peakThreads = TorchBenchmarks.MatmulGflops(cores);
        // The achievable peak: libtorch's multi-threaded matmul stalls on small shared machines, so
        // take the better of it and cores x the single-thread figure.
        var peakAll = Math.Max(peakThreads, peak1 * cores);
        services.Console.MarkupLineInterpolated($"machine: {cores} cores; float32 1024³ matmul: {peak1:0.0} GFLOP/s on 1 thread, {peakThreads:0.0} GFLOP/s on {cores} threads; peak used below: {peakAll:0.0} GFLOP/s");

        var table = new Table().AddColumns("corpus", "arch", "trainings", "sequential s", "seq. s/training", "batched s", "speed-up", "seq. peak RSS", "batched peak RSS", "batched GFLOP/s", "% of peak", "max |ΔPLCC|");
        var totals = new Dictionary<string, (double Seq, double Bat)>();
        foreach (var (name, path, group, subset) in corpora)
            foreach (var arch in settings.Arch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var bat = Probe(path, group, arch, "batched", 5, null, settings.Epochs, cancellationToken);
                var seq = subset > 0
                    ? Probe(path, group, arch, "sequential", 1, subset, settings.Epochs, cancellationToken)
                    : Probe(path, group, arch, "sequential", 5, null, settings.Epochs, cancellationToken);
                var extrapolated = seq.Trainings < bat.Trainings;
                // A subset of n trainings on c cores takes ceil(n/c) rounds; the grid would take ceil(N/c).
                var seqCores = Math.Max(1, seq.Threads);
                var seqGrid = extrapolated
                    ? seq.WallSeconds / Math.Ceiling(seq.Trainings / (double)seqCores) * Math.Ceiling(bat.Trainings / (double)seqCores)
                    : seq.WallSeconds;
                var gflops = bat.Flops / bat.WallSeconds / 1e9;
                services.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} {arch}: sequential {seqGrid:0.0} s{(extrapolated ? $" (extrapolated from {seq.Trainings} trainings)" : "")}, batched {bat.WallSeconds:0.0} s, speed-up {seqGrid / bat.WallSeconds:0.0}x, peak RSS {Mb(seq.PeakRssBytes)} / {Mb(bat.PeakRssBytes)}, {gflops:0.0} GFLOP/s, max |ΔPLCC| {MaxPlccDelta(seq, bat)}"));
                var t = totals.GetValueOrDefault(name);
                totals[name] = (t.Seq + seqGrid, t.Bat + bat.WallSeconds);
                table.AddRow(name, arch, bat.Trainings.ToString(CultureInfo.InvariantCulture),
                    F(seqGrid) + (extrapolated ? $" (extrapolated from {seq.Trainings})" : ""),
                    // One training's wall time: trainings run seqCores at a time.
                    (seq.WallSeconds * Math.Min(seqCores, seq.Trainings) / seq.Trainings).ToString("0.00", CultureInfo.InvariantCulture), F(bat.WallSeconds), $"{seqGrid / bat.WallSeconds:0.0}x",
                    Mb(seq.PeakRssBytes), Mb(bat.PeakRssBytes), gflops.ToString("0.0", CultureInfo.InvariantCulture), (gflops / peakAll).ToString("P0", CultureInfo.InvariantCulture), MaxPlccDelta(seq, bat));
            }
        services.Console.Write(table);
        foreach (var (name, (s, b)) in totals)
            services.Console.MarkupLineInterpolated($"{name}: all architectures: sequential {F(s)} s, batched {F(b)} s, speed-up {s / b:0.0}x");
        return ExitCodes.Success;
    }

    private static string Generate(string dir, string shape, int rows)
    {
        var path = Path.Combine(dir, $"{shape}-{rows}.parquet");
        if (!File.Exists(path)) Workspace.GenerateSynthetic(new SyntheticCorpusSettings(shape, rows, 1), path);
        return path;
    }

    private BenchProbeCommand.Measurement Probe(string path, string group, string arch, string engine, int seeds, int? maxFolds, int epochs, CancellationToken ct)
    {
        var self = typeof(BenchCommand).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(self);
        foreach (var a in new[] { "bench-probe", "--corpus-path", path, "--group-column", group, "--arch", arch, "--engine", engine,
                     "--seeds", seeds.ToString(CultureInfo.InvariantCulture), "--epochs", epochs.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        if (maxFolds is { } f)
        {
            psi.ArgumentList.Add("--max-folds");
            psi.ArgumentList.Add(f.ToString(CultureInfo.InvariantCulture));
        }
        services.Console.MarkupLineInterpolated($"[grey]measuring {engine} {arch} on {Path.GetFileName(path)} ({seeds} seeds{(maxFolds is { } mf ? $", first {mf} folds" : "")})...[/]");
        using var p = Process.Start(psi) ?? throw new ReproException("VMR9002", "could not start the benchmark probe", "Run the tool with dotnet.", ExitCodes.EnvironmentError);
        using var reg = ct.Register(() => { try { p.Kill(true); } catch (InvalidOperationException) { } });
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        ct.ThrowIfCancellationRequested();
        var line = stdout.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'));
        if (p.ExitCode != 0 || line is null)
            throw new ReproException("VMR9003", $"benchmark probe failed (exit {p.ExitCode}): {stderr.Trim()}", "Run the probe's command by hand with --verbose.", ExitCodes.EnvironmentError);
        return JsonConvert.DeserializeObject<BenchProbeCommand.Measurement>(line)!;
    }

    /// <summary>Largest |PLCC(batched) − PLCC(sequential)| over the (seed, fold) cells both engines trained.</summary>
    private static string MaxPlccDelta(BenchProbeCommand.Measurement seq, BenchProbeCommand.Measurement bat)
    {
        var deltas = seq.Plcc.Where(kv => bat.Plcc.ContainsKey(kv.Key)).Select(kv => Math.Abs(kv.Value - bat.Plcc[kv.Key])).ToList();
        return deltas.Count == 0 ? "—" : deltas.Max().ToString("E1", CultureInfo.InvariantCulture);
    }

    private static string F(double s) => s.ToString("0.0", CultureInfo.InvariantCulture);
    private static string Mb(long bytes) => $"{bytes / 1048576.0:0} MB";
}
