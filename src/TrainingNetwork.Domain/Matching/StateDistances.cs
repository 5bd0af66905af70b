using System.Globalization;
using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Domain.Matching;

/// <summary>
/// Great-circle miles between the approximate population centers of two states, to rank training centers by distance
/// from a physician's state. The table is state-distances.csv, embedded in this assembly and generated from
/// state-centroids.csv by scripts/generate-state-distances.py.
/// </summary>
public static class StateDistances
{
    private const string ResourceName = "TrainingNetwork.Domain.Matching.state-distances.csv";

    private static readonly Lazy<Dictionary<(string From, string To), int>> Table = new(Load);

    /// <summary>Whole miles from one state code to another (any case; 0 for the same state); throws for a code that is not a US state.</summary>
    public static int Miles(string fromState, string toState) =>
        Table.Value[(UsState.Normalize(fromState), UsState.Normalize(toState))];

    private static Dictionary<(string From, string To), int> Load()
    {
        using var stream = typeof(StateDistances).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The state distance table is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var miles = new Dictionary<(string From, string To), int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line == "from,to,miles")
            {
                continue;
            }

            var fields = line.Split(',');
            miles.Add((fields[0], fields[1]), int.Parse(fields[2], CultureInfo.InvariantCulture));
        }

        return miles;
    }
}
