namespace DataGenerator;

/// <summary>How big a generated network is (issue 9: N1 is the national scale, N10 ten times it).</summary>
internal sealed record NetworkSize(string Name, int Centers, int Preceptors, int Physicians, int Cases, int ClassroomEntries)
{
    public static NetworkSize N1 { get; } = new("N1", 50, 200, 3_000, 30_000, 15_000);

    public static NetworkSize N10 { get; } = new("N10", 500, 2_000, 30_000, 300_000, 150_000);

    public static NetworkSize? Parse(string name) =>
        string.Equals(name, N1.Name, StringComparison.OrdinalIgnoreCase) ? N1
        : string.Equals(name, N10.Name, StringComparison.OrdinalIgnoreCase) ? N10
        : null;
}
