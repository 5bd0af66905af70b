using System.Globalization;
using CsCheck;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Domain.Tests.Validation;

public sealed class ActivityTests
{
    private const string CommaError = "Use a decimal point, not a comma (for example 3.7).";
    private const string ZeroError = "Activity must be above zero.";
    private const string TooLargeError = "Activity above 1,000,000 MBq is not plausible; check the unit.";
    private const string FormatError = "Enter the activity as a number using digits and a decimal point only (for example 7.4).";

    [Theory]
    [InlineData("7.4", ActivityUnit.MBq, "7.4")]
    [InlineData("7.4", ActivityUnit.GBq, "7400")]
    [InlineData("200", ActivityUnit.MCi, "7400")]
    [InlineData("150", ActivityUnit.MCi, "5550")]
    [InlineData("1", ActivityUnit.MCi, "37")]
    [InlineData("0.1", ActivityUnit.MCi, "3.7")]
    [InlineData("  3.7 ", ActivityUnit.GBq, "3700")]
    [InlineData("\t55\n", ActivityUnit.MBq, "55")]
    [InlineData("007.40", ActivityUnit.MBq, "7.4")]
    [InlineData("0.001", ActivityUnit.MBq, "0.001")]
    [InlineData("0.000001", ActivityUnit.GBq, "0.001")]
    [InlineData("1000000", ActivityUnit.MBq, "1000000")]
    [InlineData("1000", ActivityUnit.GBq, "1000000")]
    [InlineData("27027.027", ActivityUnit.MCi, "999999.999")]
    [InlineData("00000000000000000001", ActivityUnit.MBq, "1")] // exactly 20 characters
    public void ParseMbq_plainNumber_convertedToMbq(string amount, ActivityUnit unit, string expectedMbq)
    {
        var result = Activity.ParseMbq(amount, unit);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Error);
        Assert.Equal(decimal.Parse(expectedMbq, CultureInfo.InvariantCulture), result.Mbq);
    }

    [Theory]
    [InlineData("0.0125", "0.012")] // midpoint goes to the even digit
    [InlineData("0.0135", "0.014")]
    [InlineData("0.01251", "0.013")]
    [InlineData("1.23449", "1.234")]
    public void ParseMbq_moreThanThreeDecimals_roundedToEven(string amount, string expectedMbq) =>
        Assert.Equal(decimal.Parse(expectedMbq, CultureInfo.InvariantCulture), Activity.ParseMbq(amount, ActivityUnit.MBq).Mbq);

    [Theory]
    [InlineData("3,7")] // security-reliability.md (c) row 12: never 37
    [InlineData("1,000")]
    [InlineData("1,000.5")]
    [InlineData(" 7,4 ")]
    public void ParseMbq_comma_askForDecimalPoint(string amount) =>
        AssertError(CommaError, Activity.ParseMbq(amount, ActivityUnit.GBq));

    [Theory]
    [InlineData("0")]
    [InlineData("00")]
    [InlineData("0.000")]
    public void ParseMbq_zero_aboveZeroError(string amount) =>
        AssertError(ZeroError, Activity.ParseMbq(amount, ActivityUnit.GBq));

    [Theory]
    [InlineData("1000000.001", ActivityUnit.MBq)]
    [InlineData("1000.000001", ActivityUnit.GBq)]
    [InlineData("27027.028", ActivityUnit.MCi)]
    [InlineData("7400", ActivityUnit.GBq)] // GBq typed where MBq was meant
    [InlineData("99999999999999999999", ActivityUnit.GBq)]
    public void ParseMbq_aboveOneMillionMbq_implausibleError(string amount, ActivityUnit unit) =>
        AssertError(TooLargeError, Activity.ParseMbq(amount, unit));

    [Fact]
    public void ParseMbq_roundsToZero_implausibleError()
    {
        var result = Activity.ParseMbq("0.0004", ActivityUnit.MBq);

        Assert.False(result.Succeeded);
        Assert.Contains("0.001 MBq", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")] // (c) row 13
    [InlineData("Infinity")]
    [InlineData("∞")]
    [InlineData("1e400")]
    [InlineData("3.7e9")]
    [InlineData("1E3")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("٣٫٧")] // Arabic-Indic digits and decimal separator
    [InlineData("٣.٧")]
    [InlineData("３．７")] // full-width
    [InlineData("3.7.1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("7.4 GBq")]
    [InlineData("1 000")]
    [InlineData("1_000")]
    [InlineData("1'000")]
    [InlineData("0x10")]
    [InlineData("abc")]
    [InlineData("3 .7")]
    [InlineData("7.4\0")]
    public void ParseMbq_notPlainDecimal_formatError(string amount) =>
        AssertError(FormatError, Activity.ParseMbq(amount, ActivityUnit.GBq));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseMbq_missing_askForValue(string? amount) =>
        AssertError("Enter the activity.", Activity.ParseMbq(amount, ActivityUnit.MBq));

    [Theory]
    [InlineData("000000000000000000001")] // 21 characters
    [InlineData("7.4                  ")]
    public void ParseMbq_over20Characters_lengthError(string amount) =>
        AssertError("Use at most 20 characters for the activity.", Activity.ParseMbq(amount, ActivityUnit.MBq));

    [Fact]
    public void ParseMbq_unknownUnit_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Activity.ParseMbq("1", (ActivityUnit)99));

    [Fact]
    public void ParseMbq_commaDecimalCurrentCulture_stillInvariant()
    {
        // InvariantGlobalization forbids named cultures such as de-DE, so build one with its separators.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = german;
        try
        {
            Assert.Equal(7.4m, Activity.ParseMbq("7.4", ActivityUnit.MBq).Mbq);
            Assert.Equal(CommaError, Activity.ParseMbq("3,7", ActivityUnit.MBq).Error);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ParseMbq_anyInRangeValueFormattedInvariant_roundTrips() =>
        Gen.Long[1, 1_000_000_000].Sample(thousandths =>
        {
            var mbq = thousandths / 1000m;
            return Activity.ParseMbq(mbq.ToString(CultureInfo.InvariantCulture), ActivityUnit.MBq).Mbq == mbq;
        });

    [Fact]
    public void ParseMbq_anyShortString_neverThrowsAndEitherValueOrError() =>
        TextGen.Strings(25).Sample(amount =>
        {
            var result = Activity.ParseMbq(amount, ActivityUnit.MCi);
            return result.Succeeded
                ? result.Error is null && result.Mbq is > 0m and <= Activity.MaxMbq
                : !string.IsNullOrEmpty(result.Error);
        });

    private static void AssertError(string expected, ActivityParse result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Mbq);
        Assert.Equal(expected, result.Error);
    }
}
