using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Commands;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Training;

namespace VmafTiny.Repro.Cli;

/// <summary>
/// The command line: commands, and the one place that turns failures into a one-line message and
/// a documented exit code (stack traces only with --verbose).
/// </summary>
internal static class CliApp
{
    /// <summary>Runs one command line; <paramref name="engines"/> creates the training engine (default the TorchSharp engines; tests pass a fake).</summary>
    public static int Run(string[] args, IAnsiConsole console, IAnsiConsole errors, CliEnvironment environment, CancellationToken cancellationToken,
        Func<TrainingSettings, ITrainingEngine>? engines = null)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliServices), new CliServices(console, environment, engines));
        var app = new CommandApp(registrar);
        app.Configure(c =>
        {
            c.SetApplicationName("vmaf-repro");
            c.SetApplicationVersion(CliEnvironment.ToolVersion);
            c.ConfigureConsole(console);
            c.PropagateExceptions();
            // Without strict parsing Spectre passes unknown options through as remaining arguments,
            // so a typo (--wran-only) would silently run the default behaviour.
            c.UseStrictParsing();
            c.AddCommand<VerifyCommand>("verify").WithDescription("Re-run the evaluations, compare with the approved baselines, exit non-zero on a regression.");
            c.AddCommand<RunCommand>("run").WithDescription("Run the multi-seed evaluation of one architecture on one corpus and write its JSON.");
            c.AddCommand<ApproveCommand>("approve").WithDescription("Promote received results to baselines (with a reason recorded in their history).");
            c.AddCommand<CalibrateCommand>("calibrate").WithDescription("Estimate the gate's false-alarm rate and smallest detectable PLCC drop by re-running with other seeds.");
            c.AddBranch("cache", cache =>
            {
                cache.SetDescription("Carry the training cache between machines: export it as one archive, import archives (docs/scale-out.md).");
                cache.AddCommand<CacheExportCommand>("export").WithDescription("Pack every entry of the training cache (runs/cache) into one archive.");
                cache.AddCommand<CacheImportCommand>("import").WithDescription("Verify archives written by cache export and add their entries to the training cache (all or nothing).");
            });
            c.AddCommand<SynthCommand>("synth").WithDescription("Write the deterministic synthetic corpora.");
            c.AddCommand<FoldsCommand>("folds").WithDescription("Assign whole clips (groups of --by) of a corpus to k folds, balanced by rows, and write it with a 'source' fold column.");
            // Development tools, not the product: runnable, left out of --help (docs/benchmarks.md).
            c.AddCommand<BenchCommand>("bench").WithDescription("Benchmark the sequential and batched engines (wall time, peak RSS, GFLOP/s).").IsHidden();
            c.AddCommand<ExportCommand>("export").WithDescription("Train the ship model on a whole corpus, write it as ONNX (scaler baked in, plus int8), and check it with ONNX Runtime.");
            c.AddCommand<InputsCommand>("inputs").WithDescription("List every file the gate reads (for incremental builds).");
            c.AddCommand<BenchProbeCommand>("bench-probe").IsHidden();
        });
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            return app.Run(NormalizeArgs(args), cancellationToken);
        }
        catch (Exception e) when (Unwrap(e) is ReproException r)
        {
            // For builds (--diagnostics msbuild) an input error is a canonical line on standard
            // output, pointing at the file to fix, like the gate's own findings.
            if (IsMsBuild(args)) WriteLine(console, ToCanonical(r, environment));
            WriteLine(errors, MessageText.Escape(r.ToOneLine()));
            if (verbose) errors.WriteException(e);
            return r.ExitCode;
        }
        catch (Exception e) when (Unwrap(e) is OperationCanceledException)
        {
            WriteLine(errors, args.Contains("--no-cache")
                ? "interrupted: nothing was kept (--no-cache); run the command again without --no-cache to make an interrupted run resumable."
                : "interrupted: finished trainings are kept in runs/cache; run the same command again to resume.");
            return ExitCodes.Interrupted;
        }
        catch (CommandAppException e)
        {
            WriteLine(errors, $"error VMR3100: {OptionErrors.Describe(FirstLine(e.Message).TrimEnd('.'), args)}. Run '{HelpFor(args)}' for the options.");
            if (verbose) errors.WriteException(e);
            return ExitCodes.UsageOrInputError;
        }
        catch (Exception e)
        {
            WriteLine(errors, $"internal error VMR9999: {e.GetType().Name}: {MessageText.Escape(FirstLine(e.Message))}. This is a bug: re-run with --verbose and report the output.");
            if (verbose) errors.WriteException(e);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// The documented <c>--k</c> option: Spectre.Console.Cli does not allow one-letter long names,
    /// so it is passed on as <c>-k</c> (also spelled <c>--band-k</c>).
    /// </summary>
    internal static string[] NormalizeArgs(string[] args) =>
        args.Select(a => a == "--k" ? "-k" : a.StartsWith("--k=", StringComparison.Ordinal) ? "-k=" + a[4..] : a).ToArray();

    private static bool IsMsBuild(string[] args)
    {
        var i = Array.IndexOf(args, "--diagnostics");
        return (i >= 0 && i + 1 < args.Length && args[i + 1] == "msbuild") || args.Contains("--diagnostics=msbuild");
    }

    /// <summary><c>file(1,1): error VMR####: message. hint</c>; the file is the one the error names, else the configuration.</summary>
    internal static string ToCanonical(ReproException r, CliEnvironment environment)
    {
        var file = r.File ?? Path.Combine(environment.WorkingDirectory, Config.ConfigLoader.FileName);
        return new GateDiagnostic(DiagnosticSeverity.Error, r.Code, file, $"{r.Message}. {r.Hint}").ToCanonical(warnOnly: false);
    }

    // The one-line messages go to the raw writer: Spectre would wrap them at the console width
    // (80 columns when redirected), and a log line split in two is harder to grep and parse.
    private static void WriteLine(IAnsiConsole console, string line) => console.Profile.Out.Writer.WriteLine(line);

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } or TypeInitializationException or System.Reflection.TargetInvocationException && e.InnerException is not null)
            e = e.InnerException!;
        return e;
    }

    private static readonly string[] Commands = ["verify", "run", "approve", "calibrate", "synth", "folds", "bench", "inputs", "cache"];

    // "vmaf-repro verify --help" for a known command; "vmaf-repro --help" when the command itself is wrong.
    private static string HelpFor(string[] args) =>
        args.FirstOrDefault(a => !a.StartsWith('-')) is { } c && Commands.Contains(c) ? $"vmaf-repro {c} --help" : "vmaf-repro --help";

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }
}
