using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrainingNetwork.Domain.Validation;

/// <summary>
/// Turns the pseudonym a trainee uses for a patient (to group that patient's cycles) into a per-center token, so the
/// database never holds the pseudonym and equal pseudonyms at two centers cannot be linked.
/// </summary>
public static class PatientPseudonym
{
    public const int MaxLength = 40;
    public const int MinKeyBytes = 32;

    private const int TokenBytes = 16;

    /// <summary>
    /// Lowercase hex of the first 16 bytes of HMAC-SHA256(key, UTF-8 of "centerId:NORMALISED"), or null for a
    /// null/blank pseudonym. NORMALISED is the pseudonym with invisible characters removed, NFKC, whitespace runs
    /// collapsed, trimmed and upper-cased (invariant), so "pt 7", "PT 7" and "ＰＴ　７" give the same token.
    /// </summary>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes or the center id is empty.</exception>
    public static string? Token(string? pseudonym, Guid centerId, ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key must be at least {MinKeyBytes} bytes.", nameof(key));
        }

        if (centerId == Guid.Empty)
        {
            throw new ArgumentException("A center id is required.", nameof(centerId));
        }

        if (string.IsNullOrWhiteSpace(pseudonym))
        {
            return null;
        }

        var normalised = UnicodeText.ForMatching(pseudonym).ToUpperInvariant();
        if (normalised.Length == 0)
        {
            return null;
        }

        var message = Encoding.UTF8.GetBytes(centerId.ToString("D", CultureInfo.InvariantCulture) + ":" + normalised);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, message, hash);
        return Convert.ToHexStringLower(hash[..TokenBytes]);
    }

    /// <summary>True when the pseudonym is itself an identifier (an MRN, a date, a name with title...) or too long.</summary>
    public static bool LooksLikeIdentifier(string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(pseudonym);
        return pseudonym.Length > MaxLength || IdentifierScreen.Find(pseudonym).Count > 0;
    }
}
