using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Tests.Security;

public sealed class PasswordRulesTests
{
    private static readonly string?[] Jane = ["Dr. Jane Doe", "jane.doe@example.org"];

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("  leading and trailing  ")]
    [InlineData("Жёлтый медведь гуляет по лесу 🐻🐻")]
    [InlineData("🌲🌲🌲 quiet river under the old bridge")]
    [InlineData("orange kettle singing at noon")]
    public void Long_uncommon_passphrases_are_accepted(string password) => Assert.Null(PasswordRules.Problem(password, Jane));

    [Theory]
    [InlineData("Password1!")]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("fourteen chars")]
    public void Passwords_under_fifteen_characters_are_refused_with_the_reason(string password) =>
        Assert.Contains("at least 15 characters", PasswordRules.Problem(password, Jane));

    [Fact]
    public void Length_counts_code_points_not_utf16_units()
    {
        var fourteenEmoji = string.Concat(Enumerable.Repeat("🐻", 7)) + "bearsss";

        Assert.Contains("at least 15 characters", PasswordRules.Problem(fourteenEmoji, Jane));
        Assert.Null(PasswordRules.Problem(fourteenEmoji + "!", Jane));
    }

    [Fact]
    public void More_than_128_characters_are_refused() =>
        Assert.Contains("at most 128", PasswordRules.Problem(new string('x', 60) + " " + new string('y', 68), Jane));

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("PasswordPassword")]
    [InlineData("Password Password")]
    [InlineData("iloveyouiloveyou")]
    [InlineData("Letmein Letmein 123")]
    [InlineData("radiopharmaceutical")]
    [InlineData("password123456789")]
    public void Common_passwords_are_refused_whatever_the_case_spacing_and_punctuation(string password) =>
        Assert.Equal("This password is on a list of common or breached passwords. Choose another.", PasswordRules.Problem(password, Jane));

    [Theory]
    [InlineData("23456789012345678")]
    [InlineData("qwertyuiopasdfghjk")]
    [InlineData("aaaaaaaaaaaaaaaaaaa")]
    [InlineData("abcabcabcabcabcabc")]
    [InlineData("zyxwvutsrqponmlk")]
    public void Repetitions_and_sequences_are_refused(string password) =>
        Assert.Contains("repetition or a keyboard or number sequence", PasswordRules.Problem(password, Jane));

    [Theory]
    [InlineData("JaneDoeRadiology2026")]
    [InlineData("jane.doe@example.org!")]
    [InlineData("TrainingNetwork Preceptor 1")]
    public void Passwords_built_on_the_persons_or_the_portals_name_are_refused(string password) =>
        Assert.Contains("mostly your name", PasswordRules.Problem(password, Jane));

    [Fact]
    public void A_name_inside_a_long_passphrase_is_fine() =>
        Assert.Null(PasswordRules.Problem("jane walks the dog along the river", Jane));
}
