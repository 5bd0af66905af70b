using System.Text;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Domain.Tests.Validation;

public sealed class TextInputTests
{
    private const int MaxLength = 100;
    private const string InvalidCharacters = "Remove invalid or invisible characters.";
    private const string Markup = "Remove angle-bracket markup such as <script>.";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Lu-177 dotatate, cycle 2 of 4")]
    [InlineData("line one\r\nline two\ttabbed")]
    [InlineData("creatinine <1.0, eGFR > 60")]
    [InlineData("a < b")]
    [InlineData("x<5")]
    [InlineData("<3")]
    [InlineData("Lu-177 -> done")]
    [InlineData("Müller, Ñúñez, 山田, 👍")] // a surrogate pair is not a lone surrogate
    [InlineData("Lu\u2011177")] // (c) row 39: a non-breaking hyphen is visible text
    [InlineData("'; DROP TABLE cases;--")] // (c) row 1: stored literally; the database layer parameterises it
    public void Problem_acceptableText_null(string? value) => Assert.Null(TextInput.Problem(value, MaxLength));

    [Fact]
    public void Problem_exactlyMaxLength_null() => Assert.Null(TextInput.Problem(new string('a', 10), 10));

    [Fact]
    public void Problem_overMaxLength_saysLimit() =>
        Assert.Equal("Use at most 10 characters.", TextInput.Problem(new string('a', 11), 10));

    [Fact]
    public void Problem_megabyteWithNul_lengthReportedFirst() => // (c) row 7
        Assert.Equal("Use at most 2000 characters.", TextInput.Problem(new string('a', 1_000_000) + "\0", 2000));

    [Theory]
    [InlineData("abc\0def")] // (c) row 6: NUL, which PostgreSQL refuses in text
    [InlineData("bell\u0007")]
    [InlineData("escape \u001B[31m red")]
    [InlineData("delete\u007F")]
    [InlineData("next line\u0085")] // C1 control
    [InlineData("\u000B vertical tab")]
    [InlineData("\u000C form feed")]
    public void Problem_controlCharacter_invalidCharacters(string value) =>
        Assert.Equal(InvalidCharacters, TextInput.Problem(value, MaxLength));

    [Theory]
    [InlineData("Dr. Alice\u202Eecila")] // (c) row 10: right-to-left override
    [InlineData("zero\u200Bwidth")]
    [InlineData("non\u200Cjoiner")]
    [InlineData("joiner\u200D")]
    [InlineData("\u200Emark")]
    [InlineData("\u200Fmark")]
    [InlineData("\u202Aembedding")]
    [InlineData("\u2060word joiner")]
    [InlineData("invisible\u2064plus")]
    [InlineData("isolate\u2066x\u2069")]
    [InlineData("\uFEFFbom")]
    [InlineData("soft\u00ADhyphen")] // every format character (Cf), not only the zero-width and bidi ones
    [InlineData("arabic letter\u061C mark")]
    [InlineData("tag \U000E0041 character")] // a Cf outside the BMP: a surrogate pair
    public void Problem_invisibleCharacter_invalidCharacters(string value) =>
        Assert.Equal(InvalidCharacters, TextInput.Problem(value, MaxLength));

    [Theory]
    [InlineData(new byte[] { 0x61, 0xED, 0xA0, 0x80 })] // (c) row 9: %ED%A0%80, an encoded surrogate
    [InlineData(new byte[] { 0xC0, 0xAF })] // (c) row 9: %C0%AF, an overlong '/'
    [InlineData(new byte[] { 0xFF })]
    public void Problem_undecodableUtf8_invalidCharacters(byte[] bytes) =>
        Assert.Equal(InvalidCharacters, TextInput.Problem(Encoding.UTF8.GetString(bytes), MaxLength));

    // Lone surrogates are built inside the tests: xunit's serialisation of theory data would turn them into U+FFFD.
    [Fact]
    public void Problem_loneSurrogate_invalidCharacters()
    {
        string[] values = ["lone high \uD800", "\uDC00 lone low", "reversed \uDC00\uD800 pair"];

        Assert.All(values, value => Assert.Equal(InvalidCharacters, TextInput.Problem(value, MaxLength)));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")] // (c) row 3
    [InlineData("\"><img src=x onerror=alert(1)>")] // (c) row 4
    [InlineData("</div>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("<!-- comment -->")]
    [InlineData("a<b")]
    public void Problem_markup_angleBracketError(string value) => Assert.Equal(Markup, TextInput.Problem(value, MaxLength));

    [Theory]
    [InlineData("  Lu-177 dotatate \r\n", "Lu-177 dotatate")]
    [InlineData("\t", "")]
    [InlineData("ＬＵ-177", "ＬＵ-177")] // NFC, not NFKC: compatibility forms are kept
    public void Clean_text_trimmedAndWellFormed(string value, string expected) => Assert.Equal(expected, TextInput.Clean(value));

    [Fact]
    public void Clean_loneSurrogate_replacementCharacter() =>
        Assert.Equal("bad \uFFFD half", TextInput.Clean(" bad \uD800 half"));

    [Fact]
    public void Clean_decomposedAccent_resultIsNfc() =>
        Assert.True(TextInput.Clean(" Mu\u0308ller ").IsNormalized(NormalizationForm.FormC));

    [Fact]
    public void Clean_null_throws() => Assert.Throws<ArgumentNullException>(() => TextInput.Clean(null!));

    [Theory]
    [InlineData("Dr. Alice Smith", TextKind.SingleLine)]
    [InlineData("Müller, 山田, 👍", TextKind.SingleLine)]
    [InlineData("", TextKind.SingleLine)]
    [InlineData("line one\r\nline two\ttabbed", TextKind.MultiLine)]
    [InlineData("paragraph\u2029line\u2028", TextKind.MultiLine)]
    [InlineData("family 👨\u200D👩\u200D👧 passphrase", TextKind.Secret)] // emoji sequences join with U+200D
    public void HasOnlyAllowedCharacters_allowedForTheKind_true(string value, TextKind kind) =>
        Assert.True(TextInput.HasOnlyAllowedCharacters(value, kind));

    [Theory]
    [InlineData("a\tb", TextKind.SingleLine)]
    [InlineData("bob\r\n2026-01-01 INFO login ok user=admin", TextKind.SingleLine)] // (c) row 29
    [InlineData("line\u2028separator", TextKind.SingleLine)]
    [InlineData("abc\0def", TextKind.SingleLine)] // (c) row 6
    [InlineData("abc\0def", TextKind.MultiLine)]
    [InlineData("abc\0def", TextKind.Secret)]
    [InlineData("next line\u0085", TextKind.MultiLine)]
    [InlineData("escape \u001B[31m", TextKind.MultiLine)]
    [InlineData("Dr. Alice\u202Eecila", TextKind.SingleLine)] // (c) row 10
    [InlineData("Dr. Alice\u202Eecila", TextKind.MultiLine)]
    [InlineData("joiner\u200D", TextKind.MultiLine)]
    [InlineData("isolate\u2066x\u2069", TextKind.SingleLine)]
    [InlineData("tag \U000E0041", TextKind.SingleLine)]
    [InlineData("replacement \uFFFD", TextKind.SingleLine)] // (c) row 9: what invalid UTF-8 decodes to
    [InlineData("replacement \uFFFD", TextKind.Secret)]
    [InlineData("password\n", TextKind.Secret)]
    public void HasOnlyAllowedCharacters_refusedForTheKind_false(string value, TextKind kind) =>
        Assert.False(TextInput.HasOnlyAllowedCharacters(value, kind));

    [Fact]
    public void HasOnlyAllowedCharacters_loneSurrogate_falseForEveryKind()
    {
        string[] values = ["lone high \uD800", "\uDC00 lone low"];

        Assert.All(values, value => Assert.All(Enum.GetValues<TextKind>(), kind => Assert.False(TextInput.HasOnlyAllowedCharacters(value, kind))));
    }

    [Fact]
    public void Problem_negativeMaxLength_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TextInput.Problem("x", -1));
}
