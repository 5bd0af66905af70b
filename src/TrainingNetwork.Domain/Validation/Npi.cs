namespace TrainingNetwork.Domain.Validation;

/// <summary>US National Provider Identifier (CMS "NPI check digit" specification).</summary>
public static class Npi
{
    // The NPI is the last 10 digits of an ISO 7812 card number issued under prefix 80840; the check digit is the
    // Luhn digit of that 15-digit number.
    private const string CardIssuerPrefix = "80840";

    public static bool IsValid(string? value)
    {
        if (value is not { Length: 10 } || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        return LuhnSum(CardIssuerPrefix + value) % 10 == 0;
    }

    private static int LuhnSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[^(i + 1)] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return sum;
    }
}
