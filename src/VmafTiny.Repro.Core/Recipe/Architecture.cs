namespace VmafTiny.Repro.Recipe;

/// <summary>An MLP: 6 inputs, ReLU hidden layers of the given widths, one output.</summary>
public sealed record Architecture(string Name, IReadOnlyList<int> Hidden)
{
    /// <summary>v2, 6-16-8-1, 257 parameters.</summary>
    public static Architecture Small { get; } = new("mlp_small", [16, 8]);

    /// <summary>v3, 6-32-16-1, 769 parameters.</summary>
    public static Architecture Medium { get; } = new("mlp_medium", [32, 16]);

    /// <summary>v4, 6-64-32-16-1, 3,073 parameters.</summary>
    public static Architecture Large { get; } = new("mlp_large", [64, 32, 16]);

    /// <summary>The three published architectures.</summary>
    public static IReadOnlyList<Architecture> Known { get; } = [Small, Medium, Large];

    /// <summary>Layer widths from input to output, e.g. 6,16,8,1.</summary>
    public IReadOnlyList<int> LayerWidths(int inputs) => [inputs, .. Hidden, 1];

    /// <summary>e.g. "6-16-8-1".</summary>
    public string Shape(int inputs = 6) => string.Join("-", LayerWidths(inputs));

    public bool Equals(Architecture? other) =>
        other is not null && Name == other.Name && Hidden.SequenceEqual(other.Hidden);

    public override int GetHashCode() => HashCode.Combine(Name, string.Join(",", Hidden));

    public override string ToString() => $"{Name} ({Shape()})";
}
