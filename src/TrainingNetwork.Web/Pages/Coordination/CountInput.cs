using System.Globalization;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>A whole number typed by a person, parsed strictly: ASCII digits only, no sign, separator or culture.</summary>
public static class CountInput
{
    public static (int? Count, string? Error) Parse(string? text, int max)
    {
        var value = text?.Trim() ?? "";
        var outOfRange = $"Enter a whole number from 0 to {max}.";
        if (value.Length == 0)
        {
            return (null, outOfRange);
        }

        if (!value.All(char.IsAsciiDigit))
        {
            return (null, $"Enter a whole number from 0 to {max}, digits only (no commas, points or signs).");
        }

        // Nine digits always fit in an int; anything longer is out of range anyway.
        return value.Length <= 9 && int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) is var count && count <= max
            ? (count, null)
            : (null, outOfRange);
    }
}
