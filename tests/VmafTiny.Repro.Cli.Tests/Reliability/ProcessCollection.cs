namespace VmafTiny.Repro.Cli.Tests.Reliability;

/// <summary>
/// Tests that run the built CLI as real processes: they signal, kill and time them, so they run
/// alone (not beside the in-process tests) to keep their timing meaningful on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "real processes";
}
