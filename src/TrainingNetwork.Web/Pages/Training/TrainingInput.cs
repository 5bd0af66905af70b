using System.Globalization;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Web.Pages.Training;

/// <summary>Checks shared by the training forms: hours typed by a person and the date something was completed.</summary>
public static class TrainingInput
{
    public const int MaxHoursLength = 12;

    private static readonly DateOnly Earliest = new(1990, 1, 1);

    /// <summary>
    /// Parses <paramref name="text"/> strictly, without culture: digits with at most one '.', above 0, at most
    /// <paramref name="max"/>, at most 2 decimals. Returns the hours or a message for the user.
    /// </summary>
    public static (decimal? Hours, string? Error) ParseHours(string? text, decimal max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "Enter the clock hours.");
        }

        var value = text.Trim();
        if (value.Contains(',', StringComparison.Ordinal))
        {
            return (null, "Use a decimal point, not a comma (for example 7.5).");
        }

        if (value.Length > MaxHoursLength || !PlainDecimal.IsValid(value))
        {
            return (null, "Enter the hours using digits and a decimal point only (for example 7.5).");
        }

        if (PlainDecimal.Decimals(value) > 2)
        {
            return (null, "Use at most 2 decimal places.");
        }

        var hours = decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return hours switch
        {
            0m => (null, "Hours must be above 0."),
            _ when hours > max => (null, $"Enter at most {max.ToString(CultureInfo.InvariantCulture)} hours."),
            _ => (hours, null),
        };
    }

    /// <summary>A message when a completion date lies in the future or implausibly far back; null when it is fine or missing.</summary>
    public static string? DateProblem(DateOnly? completedOn, DateOnly today) => completedOn switch
    {
        { } date when date > today => "The date cannot be in the future.",
        { } date when date < Earliest => $"Enter a date from {Earliest:yyyy} on.",
        _ => null,
    };
}
