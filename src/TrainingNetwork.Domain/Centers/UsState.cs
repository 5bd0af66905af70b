namespace TrainingNetwork.Domain.Centers;

/// <summary>Two-letter codes of the states, DC and territories that license radioactive materials users.</summary>
public static class UsState
{
    private static readonly HashSet<string> Codes =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
        "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI",
    ];

    /// <summary>Every code, alphabetically, e.g. for a select list.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Codes.Order(StringComparer.Ordinal)];

    public static bool IsValid(string? code) => code is not null && Codes.Contains(code.ToUpperInvariant());

    public static string Normalize(string code) =>
        IsValid(code) ? code.ToUpperInvariant() : throw new ArgumentException($"'{code}' is not a US state code.", nameof(code));
}
