using System.Buffers;
using System.Globalization;
using System.Text;

namespace TrainingNetwork.Domain.Validation;

/// <summary>What a text field may hold besides visible characters.</summary>
public enum TextKind
{
    /// <summary>One line: no control characters at all, no line or paragraph separators, no format characters.</summary>
    SingleLine,

    /// <summary>A note or comment: tab, CR and LF (and U+2028/U+2029) are allowed; other control and format characters are not.</summary>
    MultiLine,

    /// <summary>
    /// A password: as <see cref="SingleLine"/>, except format characters such as the zero-width joiner of emoji sequences.
    /// A secret is hashed, never shown, so invisible characters cannot mislead a reader, and NIST SP 800-63B asks that
    /// passwords accept any Unicode.
    /// </summary>
    Secret,
}

/// <summary>Checks shared by every free-text field.</summary>
public static class TextInput
{
    public const string InvalidCharacters = "Remove invalid or invisible characters.";

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

        if (!HasOnlyAllowedCharacters(value, TextKind.MultiLine))
        {
            return InvalidCharacters;
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

    /// <summary>
    /// False when <paramref name="value"/> holds a character a field of <paramref name="kind"/> refuses: a control
    /// character (C0 and C1, NUL included), a format character (Unicode category Cf: zero-width characters, bidi
    /// embeddings, overrides, isolates and marks, the byte-order mark, tag characters), U+FFFD or a lone surrogate
    /// (what undecodable UTF-8 turns into), or a line or paragraph separator outside a multi-line field.
    /// </summary>
    public static bool HasOnlyAllowedCharacters(string value, TextKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);

        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done || !IsAllowed(rune, kind))
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    // NUL breaks PostgreSQL text; U+FFFD is what undecodable UTF-8 turns into; format characters reorder or hide text.
    private static bool IsAllowed(Rune rune, TextKind kind) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => kind == TextKind.MultiLine && rune.Value is '\t' or '\r' or '\n',
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => kind == TextKind.MultiLine,
        UnicodeCategory.Format => kind == TextKind.Secret,
        _ => rune != Rune.ReplacementChar,
    };
}
