namespace TrainingNetwork.Web.Data;

public static class SearchPatterns
{
    /// <summary>
    /// An ILIKE pattern matching text that contains <paramref name="text"/> literally: the %, _ and backslash a person
    /// types are escaped with the backslash, PostgreSQL's default LIKE escape character.
    /// </summary>
    public static string Containing(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
