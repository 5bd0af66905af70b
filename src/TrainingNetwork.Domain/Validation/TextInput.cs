using System.Text;

namespace TrainingNetwork.Domain.Validation;

/// <summary>Checks shared by every free-text field.</summary>
public static class TextInput
{
    /// <summary>
    /// Returns a message for the user, or null when <paramref name="value"/> is acceptable. Length is counted in
    /// UTF-16 units, so it never exceeds what a column of <paramref name="maxLength"/> characters can hold.
    /// </summary>
    public static string? Problem(string? value, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);

        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"Use at most {maxLength} characters.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (IsInvalid(value, i))
            {
                return "Remove invalid or invisible characters.";
            }
        }

        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (value[i] == '<' && (char.IsAsciiLetter(value[i + 1]) || value[i + 1] is '/' or '!'))
            {
                return "Remove angle-bracket markup such as <script>.";
            }
        }

        return null;
    }

    /// <summary>
    /// Trimmed and NFC-normalised. Never throws: lone surrogates (which <see cref="Problem"/> reports) become U+FFFD,
    /// as any UTF-8 encoder would make them, because <see cref="string.Normalize()"/> refuses them.
    /// Note: under InvariantGlobalization (Directory.Build.props) .NET has no normalisation data and NFC leaves the
    /// text unchanged; it takes effect once the app runs with ICU.
    /// </summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        var text = value.Trim();
        var wellFormed = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            wellFormed.Append(UnicodeText.IsLoneSurrogate(text, i) ? '\uFFFD' : text[i]);
        }

        return wellFormed.ToString().Normalize(NormalizationForm.FormC);
    }

    // NUL breaks PostgreSQL text; U+FFFD and lone surrogates are what undecodable UTF-8 turns into.
    private static bool IsInvalid(string value, int index)
    {
        var c = value[index];
        return (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
            || UnicodeText.IsInvisible(c)
            || c == '\uFFFD'
            || UnicodeText.IsLoneSurrogate(value, index);
    }
}
