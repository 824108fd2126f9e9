using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Evaluation;
using VmafTiny.Repro.Evaluation.Scale;
using VmafTiny.Repro.Gate;
using VmafTiny.Repro.Gate.Reports;
using VmafTiny.Repro.IO;
using VmafTiny.Repro.Onnx;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro verify</c>: re-runs the configured evaluations (reusing cached trainings), compares
/// them with the approved baselines and exits non-zero when an architecture regressed.
/// </summary>
internal sealed class VerifyCommand(CliServices services) : Command<VerifyCommand.Settings>
{
    internal sealed class Settings : PairTrainingSettings
    {
        [CommandOption("-k|--band-k <K>")]
        [Description("Band width in baseline across-seed standard deviations (overrides the configuration's k).")]
        public double? K { get; init; }

        [CommandOption("--report <FORMAT>")]
        [Description("Also render a report: md, json, junit or html (to --report-file, else to standard output).")]
        public string? Report { get; init; }

        [CommandOption("--report-file <PATH>")]
        [Description("Where to write the report.")]
        public string? ReportFile { get; init; }

        [CommandOption("--plots <DIR>")]
        [Description("Write the charts as PNG files into DIR (the md report links them).")]
        public string? Plots { get; init; }

        [CommandOption("--warn-only")]
        [Description("Report regressions but exit 0.")]
        public bool WarnOnly { get; init; }

        [CommandOption("--diagnostics <STYLE>")]
        [Description("Print findings as 'msbuild' canonical lines (file(1,1): error VMR1001: ...), for build integration.")]
        public string? Diagnostics { get; init; }

        [CommandOption("--approve")]
        [Description("After verifying, approve every received file of the selected pairs (needs --reason).")]
        public bool Approve { get; init; }

        [CommandOption("--reason <TEXT>")]
        [Description("Why the baselines change (with --approve).")]
        public string? Reason { get; init; }

        public override ValidationResult Validate()
        {
            if (ReportOutput.FormatError(Report) is { } reportError) return ValidationResult.Error(reportError);
            if (Diagnostics is not (null or "msbuild")) return ValidationResult.Error($"--diagnostics must be 'msbuild', not '{Diagnostics}'.");
            if (K is { } k && !GatePolicy.IsK(k)) return ValidationResult.Error($"--k must be a finite number > 0, not {k.ToString(CultureInfo.InvariantCulture)}.");
            if (ReportFile is not null && Report is null) return ValidationResult.Error("--report-file needs --report md, json or junit (without it nothing would be written).");
            if (Approve && string.IsNullOrWhiteSpace(Reason)) return ValidationResult.Error("--approve needs --reason \"why the numbers changed\".");
            if (Shard is not null && (Report ?? Plots ?? (Approve ? "--approve" : null)) is not null)
                return ValidationResult.Error("--shard trains one share and judges nothing: --report, --plots and --approve belong to the merge job (--from-shards N).");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = services.LoadConfig(settings);
        if (Sharding.Handle(services, config, settings, workspace => Grid(workspace, settings, cancellationToken), cancellationToken) is { } shardExit) return shardExit;
        var msbuild = settings.Diagnostics == "msbuild";
        var outcome = ProgressReporting.Run(services.Console, services.Environment, progress =>
        {
            var workspace = services.CreateWorkspace(config, settings, progress);
            return new VerifyRun(workspace, new OnnxModelExporter()).Run(new VerifyOptions(settings.Corpus, settings.Arch, settings.K), cancellationToken);
        });
        var report = outcome.Report;

        GateTable.Write(services.Console, report);
        foreach (var export in report.Exports) ExportCommand.Write(services.Console, export);
        foreach (var path in outcome.ReceivedWritten)
            services.Console.MarkupLineInterpolated($"[yellow]received:[/] {path}");
        // With --approve the findings are printed as they are (errors); the MSBuild task holds them
        // back and reports them as "approved" warnings once the approval succeeded (exit 0).
        if (msbuild)
            foreach (var d in GateDiagnostics.Diagnostics(report))
                services.Console.Profile.Out.Writer.WriteLine(d.ToCanonical(settings.WarnOnly));
        else
            // What the table cannot show: a baseline whose stored aggregates disagree with its cells.
            foreach (var d in GateDiagnostics.Diagnostics(report).Where(d => d.Code == "VMR1008"))
                services.Console.Profile.Out.Writer.WriteLine(d.ToCanonical(warnOnly: false));

        ReportOutput.Write(services, report, outcome.Entries, settings.Report, settings.ReportFile, settings.Plots, cancellationToken);

        if (settings.Approve)
        {
            var approved = ApproveCommand.ApproveReceived(services, config, settings.Corpus, settings.Arch, settings.Reason!);
            if (approved > 0) return ExitCodes.Success;
        }
        var exit = report.ExitCodeFor(settings.WarnOnly);
        services.Console.MarkupLine(exit == ExitCodes.Success
            ? "[green]gate passed[/]"
            : $"[red]gate failed[/] (exit {exit}): see the table above; approve intended changes with [bold]vmaf-repro approve --reason \"...\"[/]");
        return exit;
    }

    // The grid verify trains: every selected (corpus, arch), the configured seeds and recipe.
    private static IReadOnlyList<GridPart> Grid(Workspace workspace, Settings settings, CancellationToken cancellationToken)
    {
        var (corpora, archs) = workspace.Config.SelectPairs(settings.Corpus, settings.Arch);
        return corpora.SelectMany(spec =>
        {
            var corpus = workspace.LoadCorpus(spec, cancellationToken);
            return archs.Select(arch => new GridPart(spec, corpus, arch, workspace.Config.Recipe, workspace.Config.Seeds));
        }).ToList();
    }
}
