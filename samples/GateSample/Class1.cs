namespace GateSample;

/// <summary>Stands in for the code whose model quality the gate protects.</summary>
public static class Placeholder
{
    public static string Name => "GateSample";
}
