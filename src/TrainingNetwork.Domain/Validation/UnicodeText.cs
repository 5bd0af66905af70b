using System.Text;

namespace TrainingNetwork.Domain.Validation;

/// <summary>Character-level checks and normalisation shared by the validation helpers.</summary>
internal static class UnicodeText
{
    /// <summary>
    /// Zero-width and bidi control characters: U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF, and also the
    /// bidi isolates U+2066–U+2069, which are the controls used in "Trojan Source" reordering tricks.
    /// </summary>
    public static bool IsInvisible(char c) =>
        c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064')
            or (>= '\u2066' and <= '\u2069') or '\uFEFF';

    /// <summary>True when the UTF-16 unit at <paramref name="index"/> is half of a surrogate pair whose other half is missing.</summary>
    public static bool IsLoneSurrogate(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(text[index - 1]));
    }

    /// <summary>
    /// The form free text is matched in: invisible characters and lone surrogates removed, NFKC, full-width ASCII and
    /// dash variants folded to ASCII, runs of whitespace (including no-break spaces) collapsed to one space, trimmed.
    /// </summary>
    public static string ForMatching(string text)
    {
        // string.Normalize throws on lone surrogates, so they go before normalising; they carry no visible text.
        var visible = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsInvisible(text[i]) && !IsLoneSurrogate(text, i))
            {
                visible.Append(text[i]);
            }
        }

        // With InvariantGlobalization (Directory.Build.props) string.Normalize returns its input unchanged, so the
        // folds that matter for screening are also done by hand in FoldToAscii.
        var normalised = visible.ToString().Normalize(NormalizationForm.FormKC);
        var collapsed = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (!char.IsWhiteSpace(c))
            {
                collapsed.Append(FoldToAscii(c));
            }
            else if (collapsed.Length > 0 && collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }

        return collapsed.ToString().TrimEnd();
    }

    /// <summary>
    /// Full-width ASCII (U+FF01–U+FF5E, as NFKC maps it) and hyphen/dash/minus variants (beyond NFKC, so
    /// "123–45–6789" with en dashes reads as an SSN) become their ASCII character.
    /// </summary>
    private static char FoldToAscii(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFE63' => '-',
        _ => c,
    };
}
