using CsCheck;

namespace TrainingNetwork.Domain.Tests.Validation;

/// <summary>Arbitrary strings biased towards the characters the validators treat specially.</summary>
internal static class TextGen
{
    private const string Tricky =
        "0123456789.,-+/:@()# eE\t\r\n\0<>/aMDr\u00A0\u200B\u202E\u2066\uFEFF\uD800\uDC00\uFFFD１２．－٣٫";

    private static readonly Gen<char> AnyChar = Gen.OneOf<char>(Gen.Char, Gen.Char[Tricky]);

    public static Gen<string> Strings(int maxLength) => AnyChar.Array[0, maxLength].Select(chars => new string(chars));
}
