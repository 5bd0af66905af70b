namespace TrainingNetwork.Domain.Validation;

/// <summary>
/// A number as a person types it, checked by hand because decimal.TryParse also accepts signs, exponents, non-ASCII
/// whitespace and thousands separators depending on the styles: ASCII digits with at most one '.', digits on both sides.
/// </summary>
public static class PlainDecimal
{
    public static bool IsValid(string text)
    {
        var parts = text.Split('.');
        return parts.Length <= 2 && parts.All(part => part.Length > 0 && part.All(char.IsAsciiDigit));
    }

    /// <summary>Digits after the decimal point (0 without one); only meaningful when <see cref="IsValid"/>.</summary>
    public static int Decimals(string text) => text.IndexOf('.', StringComparison.Ordinal) is var point and >= 0 ? text.Length - point - 1 : 0;
}
