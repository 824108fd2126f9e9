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
using VmafTiny.Repro.Torch.Fused;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro bench</c>: for each architecture, the fused, batched and sequential engines side by
/// side in one run on the same machine — wall time and ratios, peak RSS (each measurement in its own
/// process), the fused engine's GFLOP/s against this machine's measured FP32 FMA-throughput peak,
/// its time split per phase and its allocations — on a Netflix-shaped and a KoNViD-shaped synthetic corpus.
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

        // Checked here, before the first corpus is generated or probe process started: a bad value
        // would otherwise surface minutes later as a probe's failure (or an internal error).
        public override ValidationResult Validate()
        {
            if (new SyntheticCorpusSettings("netflix", NetflixRows, 1).Problem() is { } netflix)
                return ValidationResult.Error($"--netflix-rows: {netflix}.");
            if (KonvidRows != 0 && new SyntheticCorpusSettings("konvid", KonvidRows, 1).Problem() is { } konvid)
                return ValidationResult.Error($"--konvid-rows: {konvid} (or 0 to skip it).");
            if (BenchProbeCommand.Settings.ArchitecturesProblem(Arch) is { } arch) return ValidationResult.Error(arch);
            if (Epochs is < 1 or > Limits.MaxEpochs) return ValidationResult.Error($"--epochs must be 1..{Limits.MaxEpochs}, not {Epochs}.");
            if (KonvidSequentialTrainings < 0)
                return ValidationResult.Error($"--konvid-sequential-trainings must be ≥ 0 (0 = the whole grid), not {KonvidSequentialTrainings}.");
            if (Out is not null && (Out.Length == 0 || Out.Any(char.IsControl)))
                return ValidationResult.Error("--out must be a folder path without control characters.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dir = Path.GetFullPath(settings.Out ?? Path.Combine("runs", "bench"), services.Environment.WorkingDirectory);
        var corpora = new List<(string Name, string Path, string Group, int SequentialSubset)>();
        corpora.Add(("netflix-shaped", Generate(dir, "netflix", settings.NetflixRows), "source", 0));
        if (settings.KonvidRows > 0) corpora.Add(("konvid-shaped", Generate(dir, "konvid", settings.KonvidRows), "fold", settings.KonvidSequentialTrainings));
        var cores = Environment.ProcessorCount;
        var simd = SimdPaths.Best;
        var fmaPeak1 = FusedBenchmarks.FmaPeakGflops(simd);
        var fmaPeak = fmaPeak1 * cores;
        var matmul1 = TorchBenchmarks.MatmulGflops(1);
        services.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {cores} cores; SIMD paths: {string.Join(", ", SimdPaths.Supported.Select(SimdPaths.Name))}; FP32 FMA-throughput peak ({SimdPaths.Name(simd)}): {fmaPeak1:0.0} GFLOP/s per core, {fmaPeak:0.0} on {cores} cores; libtorch 1024³ matmul on 1 thread: {matmul1:0.0} GFLOP/s"));

        var table = new Table().AddColumns("corpus", "arch", "trainings", "sequential s", "batched s", "fused s", "fused vs batched", "fused GFLOP/s", "% of FMA peak",
            "peak RSS seq. / bat. / fused", "fused GCs / loop bytes", "max |ΔPLCC| vs seq. (bat. / fused)");
        var totals = new Dictionary<string, (double Seq, double Bat, double Fused)>();
        foreach (var (name, path, group, subset) in corpora)
            foreach (var arch in settings.Arch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var fused = Probe(path, group, arch, "fused", 5, null, settings.Epochs, cancellationToken);
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
                var gflops = fused.Flops / fused.WallSeconds / 1e9;
                var phases = fused.Phases is { } ph ? string.Join(", ", ph.Select(kv => $"{kv.Key} {kv.Value / ph.Values.Sum():P0}")) : "";
                services.Console.WriteLine($"{name} {arch}: fidelity against the sequential engine: batched {PlccAgreement(seq, bat)}; fused {PlccAgreement(seq, fused)}");
                services.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} {arch}: sequential {seqGrid:0.0} s{(extrapolated ? $" (extrapolated from {seq.Trainings} trainings)" : "")}, batched {bat.WallSeconds:0.0} s, fused {fused.WallSeconds:0.0} s ({bat.WallSeconds / fused.WallSeconds:0.0}x batched, {seqGrid / fused.WallSeconds:0.0}x sequential), {gflops:0.0} GFLOP/s = {gflops / fmaPeak:P0} of the FMA peak; fused time in the loop: {phases}; fused GCs during training {fused.Collections}, bytes allocated in training loops {fused.LoopAllocatedBytes}"));
                var t = totals.GetValueOrDefault(name);
                totals[name] = (t.Seq + seqGrid, t.Bat + bat.WallSeconds, t.Fused + fused.WallSeconds);
                table.AddRow(name, arch, bat.Trainings.ToString(CultureInfo.InvariantCulture),
                    F(seqGrid) + (extrapolated ? $" (extrapolated from {seq.Trainings})" : ""), F(bat.WallSeconds), F(fused.WallSeconds),
                    $"{bat.WallSeconds / fused.WallSeconds:0.0}x", gflops.ToString("0.0", CultureInfo.InvariantCulture), (gflops / fmaPeak).ToString("P0", CultureInfo.InvariantCulture),
                    $"{Mb(seq.PeakRssBytes)} / {Mb(bat.PeakRssBytes)} / {Mb(fused.PeakRssBytes)}",
                    $"{fused.Collections} / {fused.LoopAllocatedBytes}", $"{MaxPlccDelta(seq, bat)} / {MaxPlccDelta(seq, fused)}");
            }
        services.Console.Write(table);
        foreach (var (name, (s, b, f)) in totals)
            services.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: all architectures: sequential {F(s)} s, batched {F(b)} s, fused {F(f)} s; fused is {b / f:0.0}x batched and {s / f:0.0}x sequential"));
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
        // The same tool again: its own executable when it was started as one, else vmaf-repro.dll through the dotnet host.
        var apphost = Environment.ProcessPath is { } self && !IO.DotNetHost.IsHost(self) && File.Exists(self) ? self : null;
        var psi = new ProcessStartInfo(apphost ?? IO.DotNetHost.Find()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (apphost is null) psi.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        foreach (var a in new[] { "bench-probe", "--corpus-path", path, "--group-column", group, "--arch", arch, "--engine", engine,
                     "--seed-count", seeds.ToString(CultureInfo.InvariantCulture), "--epochs", epochs.ToString(CultureInfo.InvariantCulture) })
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

    /// <summary>Largest |PLCC(other) − PLCC(sequential)| over the (seed, fold) cells both engines trained.</summary>
    private static string MaxPlccDelta(BenchProbeCommand.Measurement seq, BenchProbeCommand.Measurement other)
    {
        var deltas = PlccDeltas(seq, other);
        return deltas.Count == 0 ? "—" : deltas.Max(Math.Abs).ToString("E1", CultureInfo.InvariantCulture);
    }

    /// <summary>Per-cell max and median |ΔPLCC| and the difference of the overall mean PLCC (mean over the common cells).</summary>
    private static string PlccAgreement(BenchProbeCommand.Measurement seq, BenchProbeCommand.Measurement other)
    {
        var deltas = PlccDeltas(seq, other);
        if (deltas.Count == 0) return "no common cells (timing subset)";
        var abs = deltas.Select(Math.Abs).Order().ToList();
        var median = abs.Count % 2 == 1 ? abs[abs.Count / 2] : (abs[abs.Count / 2 - 1] + abs[abs.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture,
            $"max |ΔPLCC| {abs[^1]:E1}, median {median:E1}, overall mean PLCC Δ {deltas.Average():+0.0E+0;-0.0E+0;0} over {deltas.Count} cells");
    }

    /// <summary>PLCC(other) − PLCC(sequential) over the (seed, fold) cells both engines trained.</summary>
    private static List<double> PlccDeltas(BenchProbeCommand.Measurement seq, BenchProbeCommand.Measurement other) =>
        seq.Plcc.Where(kv => other.Plcc.ContainsKey(kv.Key)).Select(kv => other.Plcc[kv.Key] - kv.Value).ToList();

    private static string F(double s) => s.ToString("0.0", CultureInfo.InvariantCulture);
    private static string Mb(long bytes) => $"{bytes / 1048576.0:0} MB";
}
