using System.Runtime.InteropServices;
using Spectre.Console;
using VmafTiny.Repro.Cli;
using VmafTiny.Repro.Cli.Infrastructure;

// Ctrl-C and SIGTERM cancel the run; trainings stop at the next epoch and finished ones stay cached.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (cancel.IsCancellationRequested) return; // a second Ctrl-C ends the process at once
    e.Cancel = true;
    Console.Error.WriteLine("stopping after the current epoch (Ctrl-C again to abort)...");
    cancel.Cancel();
};
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    cancel.Cancel();
});

var environment = CliEnvironment.FromProcess();
IAnsiConsole Create(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = environment.IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
    ColorSystem = environment.IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
    Interactive = environment.IsInteractive ? InteractionSupport.Detect : InteractionSupport.No,
    Out = new AnsiConsoleOutput(writer),
});
var console = Create(Console.Out);
var errors = Create(Console.Error);
if (!environment.IsInteractive)
{
    // Logs: tables and messages are not wrapped at the 80 columns Spectre assumes when redirected.
    console.Profile.Width = 200;
    errors.Profile.Width = 200;
}
return CliApp.Run(args, console, errors, environment, cancel.Token);
