using CsCheck;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Domain.Tests.Validation;

public sealed class NpiTests
{
    [Theory]
    [InlineData("1234567893")] // CMS worked example
    [InlineData("1003000126")]
    [InlineData("1999999992")]
    [InlineData("9876543213")]
    public void IsValid_correctCheckDigit_true(string npi) => Assert.True(Npi.IsValid(npi));

    [Theory]
    [InlineData("1234567890")] // wrong check digit
    [InlineData("1234567894")]
    [InlineData("2234567893")] // one digit changed
    [InlineData("1324567893")] // two digits swapped
    [InlineData("123456789")] // 9 digits
    [InlineData("12345678931")] // 11 digits
    [InlineData("12345678a3")]
    [InlineData("123456789X")]
    [InlineData(" 1234567893")]
    [InlineData("1234567893 ")]
    [InlineData("12345 7893")]
    [InlineData("１２３４５６７８９３")] // full-width digits
    [InlineData("١٢٣٤٥٦٧٨٩٣")] // Arabic-Indic digits
    [InlineData("-123456789")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_malformedOrWrongCheckDigit_false(string? npi) => Assert.False(Npi.IsValid(npi));

    [Fact]
    public void IsValid_anyNineDigitStem_exactlyOneCheckDigitAccepted() =>
        Gen.Int[0, 999_999_999].Sample(stem =>
        {
            var prefix = stem.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            return Enumerable.Range(0, 10).Count(check => Npi.IsValid(prefix + check)) == 1;
        });
}
