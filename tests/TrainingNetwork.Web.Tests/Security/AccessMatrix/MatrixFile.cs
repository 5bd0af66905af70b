namespace TrainingNetwork.Web.Tests.Security.AccessMatrix;

/// <summary>One row of access-matrix.csv: the expected outcome for each principal, and why.</summary>
public sealed record MatrixRow(MatrixKey Key, IReadOnlyDictionary<string, string> Expected, string Comment);

/// <summary>
/// access-matrix.csv: <c>method,route,handler</c>, one outcome column per principal (<see cref="Principals"/>), then a free
/// comment that takes the rest of the line (commas allowed). Lines starting with '#' and blank lines are ignored.
/// </summary>
public static class MatrixFile
{
    public static readonly IReadOnlyList<string> Principals = ["anonymous", "trainee", "preceptor", "coordinator", "staff", "admin", "other-center"];

    public static string Header => string.Join(",", ["method", "route", "handler", .. Principals, "comment"]);

    public static IReadOnlyList<MatrixRow> Read(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.FirstOrDefault() != Header)
        {
            throw new InvalidDataException($"{path} must start with the header line: {Header}");
        }

        return [.. lines.Skip(1).Select(line => Parse(path, line))];
    }

    public static string Line(MatrixKey key, IEnumerable<string> outcomes, string comment) =>
        string.Join(",", [key.Method, key.Route, key.Handler, .. outcomes, comment]);

    private static MatrixRow Parse(string path, string line)
    {
        var cells = line.Split(',', 3 + Principals.Count + 1);
        if (cells.Length < 3 + Principals.Count)
        {
            throw new InvalidDataException($"{path}: too few columns in '{line}'");
        }

        var expected = Principals.Select((principal, i) => (principal, outcome: cells[3 + i].Trim())).ToDictionary(x => x.principal, x => x.outcome);
        if (expected.Values.FirstOrDefault(o => !Outcomes.Expectable.Contains(o)) is { } unknown)
        {
            throw new InvalidDataException($"{path}: unknown outcome '{unknown}' in '{line}' (use {string.Join(", ", Outcomes.Expectable)})");
        }

        return new MatrixRow(new MatrixKey(cells[0].Trim(), cells[1].Trim(), cells[2].Trim()), expected, cells.Length > 3 + Principals.Count ? cells[^1].Trim() : "");
    }
}
