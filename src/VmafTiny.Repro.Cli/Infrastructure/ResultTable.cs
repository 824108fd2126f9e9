using System.Globalization;
using Spectre.Console;
using VmafTiny.Repro.Results;

namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>Renders an evaluation result: per-fold means ± std over seeds, and the headline.</summary>
internal static class ResultTable
{
    public static void Write(IAnsiConsole console, string corpus, EvaluationResult r)
    {
        var table = new Table().Title($"{corpus} / {r.Label ?? r.Arch}: {r.Seeds.Count} seeds x {r.NFolds} folds")
            .AddColumns("fold", "n", "PLCC", "SROCC", "KROCC", "RMSE");
        foreach (var fold in r.Sources)
        {
            var a = r.PerFoldAggregate[fold];
            var n = r.PerSeedPerFold.Values.First()[fold].N;
            table.AddRow(Markup.Escape(fold), n.ToString(CultureInfo.InvariantCulture), Pm(a.MeanPlcc, a.StdPlcc, "F5"),
                Pm(a.MeanSrocc, a.StdSrocc, "F5"), a.MeanKrocc is { } k ? Pm(k, a.StdKrocc ?? 0, "F5") : "—", Pm(a.MeanRmse, a.StdRmse, "F3"));
        }
        var o = r.Overall;
        table.AddRow(new Markup("[bold]overall[/]"), new Text(""), new Markup($"[bold]{Pm(o.MeanPlcc, o.StdPlcc, "F5")}[/]"),
            new Markup($"[bold]{Pm(o.MeanSrocc, o.StdSrocc, "F5")}[/]"), new Markup(o.MeanKrocc is { } ok ? $"[bold]{Pm(ok, o.StdKrocc ?? 0, "F5")}[/]" : "—"),
            new Markup($"[bold]{Pm(o.MeanRmse, o.StdRmse, "F3")}[/]"));
        console.Write(table);
        // Undefined metrics (NaN) are explained, not just shown: constant predictions, constant target, divergence.
        var notes = r.PerSeedPerFold.SelectMany(s => s.Value.Where(f => f.Value.Note is not null).Select(f => (Seed: s.Key, Fold: f.Key, Note: f.Value.Note!)));
        foreach (var g in notes.GroupBy(n => (n.Fold, n.Note)))
            console.MarkupLineInterpolated($"[yellow]note:[/] fold {g.Key.Fold}, seed {string.Join(", ", g.Select(n => n.Seed))}: {g.Key.Note}");
        if (r.Provenance is { } p)
            console.MarkupLineInterpolated($"[grey]{p.Engine} {p.EngineVersion}, {p.Backend}, {p.ParallelTrainings} x {p.IntraOpThreads} thread(s), {p.WallSeconds:0.0}s wall, {p.TrainingsFromCache} trainings from cache[/]");
    }

    private static string Pm(double mean, double std, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {std.ToString(std < 1e-3 && std != 0 ? "E1" : format, CultureInfo.InvariantCulture)}");
}
