using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Identity;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Passwords as NIST SP 800-63B-4 §3.1.1.2 asks: 15 to 128 characters (Unicode code points, spaces included, nothing
/// trimmed), no composition rules, and refused when common, repetitive, sequential, or built on the portal's or the
/// person's own name. Each refusal says why.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 15;
    public const int MaximumLength = 128;

    // Words anyone would guess for this portal; a password that is mostly these is refused.
    private static readonly string[] PortalWords =
        ["trainingnetwork", "radiopharm", "radiopharmaceutical", "preceptor", "authorizeduser", "lutetium", "radium", "dotatate", "pluvicto", "xofigo"];

    private static readonly string[] Sequences =
        ["01234567890123456789012345678901234567890", "98765432109876543210987654321098765432109", "abcdefghijklmnopqrstuvwxyz",
         "zyxwvutsrqponmlkjihgfedcba", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "1q2w3e4r5t6y7u8i9o0p"];

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(Problem(password ?? "", [user.FullName, user.Email, user.UserName]) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordRules", Description = problem })
            : IdentityResult.Success);

    /// <summary>Why the password is refused for a person known by <paramref name="personalWords"/>, or null when it is acceptable.</summary>
    public static string? Problem(string password, IEnumerable<string?> personalWords)
    {
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            return $"Use at least {MinimumLength} characters; a few everyday words with spaces between them are easy to remember.";
        }

        if (length > MaximumLength)
        {
            return $"Use at most {MaximumLength} characters.";
        }

        var folded = Fold(password);
        if (CommonPasswords.Value.Contains(folded))
        {
            return "This password is on a list of common or breached passwords. Choose another.";
        }

        if (IsRepetitive(folded) || Sequences.Any(sequence => folded.Length >= 6 && sequence.Contains(folded, StringComparison.Ordinal)))
        {
            return "This password is a repetition or a keyboard or number sequence. Choose another.";
        }

        var personal = personalWords.OfType<string>()
            .SelectMany(word => word.Split([' ', '@', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries))
            .Select(Fold).Where(word => word.Length >= 3);
        var rest = personal.Concat(PortalWords).OrderByDescending(word => word.Length)
            .Aggregate(folded, (remaining, word) => remaining.Replace(word, "", StringComparison.Ordinal));
        if (rest.Length < folded.Length && new string([.. rest.Where(char.IsLetter)]).Length < 10)
        {
            return "This password is mostly your name, your e-mail address or the portal's name. Choose another.";
        }

        return null;
    }

    /// <summary>Lower case without spaces, punctuation or symbols: "Pass word-2026!" and "password2026" are the same guess.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>One short unit repeated: "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "passwordpassword".</summary>
    private static bool IsRepetitive(string folded)
    {
        for (var unit = 1; unit <= folded.Length / 2; unit++)
        {
            if (folded.Length % unit == 0 && string.Concat(Enumerable.Repeat(folded[..unit], folded.Length / unit)) == folded)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TrainingNetwork.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(Fold(line));
            }
        }

        return passwords;
    }
}
