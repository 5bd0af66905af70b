using System.Globalization;

namespace TrainingNetwork.Domain.Validation;

/// <summary>Strict, culture-independent parsing of an administered activity typed by a person.</summary>
public static class Activity
{
    public const int MaxInputLength = 20;
    public const decimal MaxMbq = 1_000_000m;

    private const decimal MbqPerGbq = 1000m;

    // 1 Ci = 3.7e10 Bq by definition, so 1 mCi = 37 MBq exactly.
    private const decimal MbqPerMci = 37m;

    /// <summary>
    /// Parses <paramref name="amount"/> (ASCII digits with at most one '.' between digits, surrounding whitespace
    /// allowed) in <paramref name="unit"/> and converts it to MBq rounded to 3 decimals with banker's rounding
    /// (<see cref="MidpointRounding.ToEven"/>). The result must lie between 0.001 and 1,000,000 MBq.
    /// </summary>
    public static ActivityParse ParseMbq(string? amount, ActivityUnit unit)
    {
        if (string.IsNullOrWhiteSpace(amount))
        {
            return Fail("Enter the activity.");
        }

        if (amount.Length > MaxInputLength)
        {
            return Fail($"Use at most {MaxInputLength} characters for the activity.");
        }

        var text = amount.Trim();
        if (text.Contains(',', StringComparison.Ordinal))
        {
            return Fail("Use a decimal point, not a comma (for example 3.7).");
        }

        if (!PlainDecimal.IsValid(text))
        {
            return Fail("Enter the activity as a number using digits and a decimal point only (for example 7.4).");
        }

        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value == 0m)
        {
            return Fail("Activity must be above zero.");
        }

        var mbq = decimal.Round(value * MbqFactor(unit), 3, MidpointRounding.ToEven);
        if (mbq == 0m)
        {
            return Fail("Activity below 0.001 MBq is not plausible; check the unit.");
        }

        return mbq > MaxMbq
            ? Fail("Activity above 1,000,000 MBq is not plausible; check the unit.")
            : new ActivityParse(mbq, null);
    }

    private static decimal MbqFactor(ActivityUnit unit) => unit switch
    {
        ActivityUnit.MBq => 1m,
        ActivityUnit.GBq => MbqPerGbq,
        ActivityUnit.MCi => MbqPerMci,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown activity unit."),
    };

    private static ActivityParse Fail(string error) => new(null, error);
}
