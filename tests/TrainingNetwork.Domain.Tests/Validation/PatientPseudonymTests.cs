using CsCheck;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Domain.Tests.Validation;

public sealed class PatientPseudonymTests
{
    private static readonly Guid CenterA = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly Guid CenterB = Guid.Parse("6b9c1f3e-2d4a-4c1b-9e0f-1a2b3c4d5e6f");
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Token_knownInput_matchesIndependentHmac() =>
        // python: hmac.new(bytes(range(32)), b"3f2504e0-4f89-11d3-9a0c-0305e82c3301:PT-7", sha256).hexdigest()[:32]
        Assert.Equal("22383b90864b879f4b2cd29379fff998", PatientPseudonym.Token("pt-7", CenterA, Key));

    [Theory]
    [InlineData("PT-7")]
    [InlineData("  pt-7\t")]
    [InlineData("Pt-7")]
    [InlineData("ｐｔ－７")] // full-width
    [InlineData("pt\u2011" + "7")] // non-breaking hyphen
    [InlineData("pt-\u200B7")] // zero-width space
    public void Token_sameAfterNormalisation_sameToken(string pseudonym) =>
        Assert.Equal(PatientPseudonym.Token("pt-7", CenterA, Key), PatientPseudonym.Token(pseudonym, CenterA, Key));

    [Fact]
    public void Token_innerWhitespaceRuns_collapsed() =>
        Assert.Equal(PatientPseudonym.Token("cycle patient a", CenterA, Key), PatientPseudonym.Token("cycle  patient\u3000a", CenterA, Key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    public void Token_blank_null(string? pseudonym) => Assert.Null(PatientPseudonym.Token(pseudonym, CenterA, Key));

    [Fact]
    public void Token_otherCenter_differentToken() =>
        Assert.NotEqual(PatientPseudonym.Token("pt-7", CenterA, Key), PatientPseudonym.Token("pt-7", CenterB, Key));

    [Fact]
    public void Token_otherKey_differentToken()
    {
        byte[] otherKey = [.. Key.Select(b => (byte)(b ^ 0xFF))];

        Assert.NotEqual(PatientPseudonym.Token("pt-7", CenterA, Key), PatientPseudonym.Token("pt-7", CenterA, otherKey));
    }

    [Fact]
    public void Token_anyPseudonym_nullOr32LowercaseHex() =>
        Gen.Select(TextGen.Strings(60), Gen.Guid).Sample((pseudonym, center) =>
        {
            if (center == Guid.Empty)
            {
                return true;
            }

            var token = PatientPseudonym.Token(pseudonym, center, Key);
            return token is null || (token.Length == 32 && token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'));
        });

    [Fact]
    public void Token_shortKey_throws() =>
        Assert.Throws<ArgumentException>(() => PatientPseudonym.Token("pt-7", CenterA, new byte[31]));

    [Fact]
    public void Token_emptyCenter_throws() =>
        Assert.Throws<ArgumentException>(() => PatientPseudonym.Token("pt-7", Guid.Empty, Key));

    [Theory]
    [InlineData("MRN 00123456")]
    [InlineData("00123456")]
    [InlineData("123-45-6789")]
    [InlineData("3/14/1950")]
    [InlineData("Mrs. Alvarez")]
    [InlineData("jane.doe@example.org")]
    [InlineData("(314) 555-0123")]
    [InlineData("12345678901234567890123456789012345678901")] // 41 characters
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void LooksLikeIdentifier_identifierOrTooLong_true(string pseudonym) =>
        Assert.True(PatientPseudonym.LooksLikeIdentifier(pseudonym));

    [Theory]
    [InlineData("pt-7")]
    [InlineData("NET patient A")]
    [InlineData("Lu cycle group 2")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // exactly 40 characters
    public void LooksLikeIdentifier_plainLabel_false(string pseudonym) =>
        Assert.False(PatientPseudonym.LooksLikeIdentifier(pseudonym));

    [Fact]
    public void LooksLikeIdentifier_null_throws() =>
        Assert.Throws<ArgumentNullException>(() => PatientPseudonym.LooksLikeIdentifier(null!));
}
