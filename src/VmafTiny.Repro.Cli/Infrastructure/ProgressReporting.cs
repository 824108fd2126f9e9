using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using VmafTiny.Repro.Evaluation;

namespace VmafTiny.Repro.Cli.Infrastructure;

/// <summary>
/// Runs work with progress: a live Spectre progress display with ETA on a terminal, plain
/// timestamped lines when output is redirected or in CI (logs stay readable).
/// </summary>
internal static class ProgressReporting
{
    public static T Run<T>(IAnsiConsole console, CliEnvironment env, Func<IEvaluationProgress, T> work)
    {
        if (!env.IsInteractive) return work(new PlainProgress(console));
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(new LiveProgress(ctx)));
        return result;
    }

    private sealed class LiveProgress(ProgressContext ctx) : IEvaluationProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Started(string label, int total, int cached)
        {
            lock (_tasks)
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total));
                task.Increment(cached);
                _tasks[label] = task;
            }
        }

        public void TrainingCompleted(string label, int seed, string fold, TimeSpan wall, bool diverged)
        {
            lock (_tasks) _tasks[label].Increment(1);
        }

        public void Finished(string label, TimeSpan wall)
        {
            lock (_tasks) _tasks[label].Value = _tasks[label].MaxValue;
        }
    }

    private sealed class PlainProgress(IAnsiConsole console) : IEvaluationProgress
    {
        private readonly Dictionary<string, (int Total, int Done, int Cached, Stopwatch Clock)> _state = [];

        public void Started(string label, int total, int cached)
        {
            lock (_state) _state[label] = (total, cached, cached, Stopwatch.StartNew());
            console.WriteLine($"{label}: {total} trainings, {cached} from cache");
        }

        public void TrainingCompleted(string label, int seed, string fold, TimeSpan wall, bool diverged)
        {
            string line;
            lock (_state)
            {
                var s = _state[label];
                s.Done++;
                _state[label] = s;
                var fresh = s.Done - s.Cached;
                var remaining = s.Total - s.Done;
                var eta = fresh > 0 ? TimeSpan.FromSeconds(s.Clock.Elapsed.TotalSeconds / fresh * remaining) : TimeSpan.Zero;
                line = string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {s.Done}/{s.Total} seed {seed} fold {fold} {wall.TotalSeconds:0.0}s{(diverged ? " DIVERGED" : "")} eta {eta:hh\\:mm\\:ss}");
            }
            console.WriteLine(line);
        }

        public void Finished(string label, TimeSpan wall) =>
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: done in {wall.TotalSeconds:0.0}s"));
    }
}
