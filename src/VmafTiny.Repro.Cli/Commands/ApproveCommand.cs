using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using VmafTiny.Repro.Cli.Infrastructure;
using VmafTiny.Repro.Config;
using VmafTiny.Repro.Diagnostics;
using VmafTiny.Repro.Gate.Baselines;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Cli.Commands;

/// <summary>
/// <c>vmaf-repro approve</c>: promotes received files to baselines, atomically, recording the
/// reason, date and provenance in each baseline's history. The only way a baseline changes.
/// </summary>
internal sealed class ApproveCommand(CliServices services) : Command<ApproveCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--corpus <NAMES>")]
        [Description("Only these corpora (comma-separated).")]
        public string? Corpus { get; init; }

        [CommandOption("--arch <NAMES>")]
        [Description("Only these architectures (comma-separated).")]
        public string? Arch { get; init; }

        [CommandOption("--reason <TEXT>")]
        [Description("Why the numbers changed; stored in the baseline's history. Required.")]
        public string? Reason { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Reason)
                ? ValidationResult.Error("--reason is required: say why the numbers changed (it is stored in the baseline's history).")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = services.LoadConfig(settings);
        var approved = ApproveReceived(services, config, settings.Corpus, settings.Arch, settings.Reason!);
        if (approved == 0)
        {
            throw new ReproException("VMR3203", "there are no received files to approve for the selected pairs",
                "Run vmaf-repro verify first: it writes <arch>.received.json beside a baseline whose numbers differ.");
        }
        return ExitCodes.Success;
    }

    /// <summary>Approves every received file of the selected configured pairs; returns how many.</summary>
    internal static int ApproveReceived(CliServices services, ReproConfig config, string? corpusFilter, string? archFilter, string reason)
    {
        var store = new BaselineStore(config.BaselinesDirectory);
        var corpora = config.ResolveCorpora(corpusFilter).Select(c => c.Name).ToHashSet();
        var archs = config.ResolveArchitectures(archFilter).ToDictionary(a => a.Name);
        var count = 0;
        foreach (var file in store.ListReceived().Where(f => corpora.Contains(f.Corpus) && archs.ContainsKey(f.Arch)))
        {
            var expected = new ReceivedExpectation(archs[file.Arch].Hidden, config.Recipe.Fingerprint);
            var outcome = store.Approve(file.Corpus, file.Arch, reason, DateTimeOffset.UtcNow, Environment.UserName, expected);
            Show(services.Console, outcome);
            count++;
        }
        return count;
    }

    private static void Show(IAnsiConsole console, ApprovalOutcome o)
    {
        var table = new Table().Title($"approved {o.Corpus}/{o.Arch}").AddColumns("metric", "before", "after", "Δ");
        void Row(string name, double? before, double beforeStd, double after, double afterStd, string f)
        {
            string Fmt(double v, double s) => $"{v.ToString(f, CultureInfo.InvariantCulture)} ± {s.ToString("G2", CultureInfo.InvariantCulture)}";
            table.AddRow(name, before is { } b ? Fmt(b, beforeStd) : "(none)", Fmt(after, afterStd),
                before is { } b2 ? (after - b2).ToString("+0.000000;-0.000000;0", CultureInfo.InvariantCulture) : "");
        }
        MetricSummary? p = o.Previous;
        var c = o.Current;
        Row("PLCC", p?.MeanPlcc, p?.StdPlcc ?? 0, c.MeanPlcc, c.StdPlcc, "F6");
        Row("SROCC", p?.MeanSrocc, p?.StdSrocc ?? 0, c.MeanSrocc, c.StdSrocc, "F6");
        if (c.MeanKrocc is { } k) Row("KROCC", p?.MeanKrocc, p?.StdKrocc ?? 0, k, c.StdKrocc ?? 0, "F6");
        Row("RMSE", p?.MeanRmse, p?.StdRmse ?? 0, c.MeanRmse, c.StdRmse, "F4");
        console.Write(table);
        console.MarkupLineInterpolated($"[green]baseline updated:[/] {o.BaselinePath} (reason recorded in its history)");
    }
}
