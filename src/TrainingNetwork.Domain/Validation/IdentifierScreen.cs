using System.Text.RegularExpressions;

namespace TrainingNetwork.Domain.Validation;

/// <summary>
/// Screens free text (a case note) for patient identifiers in the spirit of HIPAA Safe Harbor
/// (45 CFR 164.514(b)(2)). Returns rule names only, so callers can show and log them without echoing the text.
/// Known limits: names without a title ("John tolerated well"), month/day without a year, ages, ZIP codes, URLs,
/// IP addresses and Medicare numbers are not detected.
/// </summary>
public static partial class IdentifierScreen
{
    public const int MaxLength = 2000;
    public const string TooLong = "too long";
    public const string CouldNotBeChecked = "could not be checked";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    // For rules that depend on capitalisation ("Mrs. Alvarez", "Main St"); they opt in to ignoring case with (?i:...).
    private const RegexOptions CaseSensitive = RegexOptions.CultureInvariant;
    // Inputs are length-capped before screening, so a match never needs long; the timeout only stops a pathological
    // pattern, and is generous enough that a busy machine (a scheduler pause) does not turn clean text into "could not
    // be checked".
    private const int TimeoutMs = 2000;

    private const string Month =
        @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    // Obfuscated separators: "jane dot doe at gmail dot com", "jane[at]gmail[dot]com".
    private const string Dot = @"(?:\s?[\[(]dot[\])]\s?|\sdot\s)";
    private const string At = @"(?:\s?@\s?|\s?[\[(]at[\])]\s?|\sat\s)";

    private static readonly (string Name, Regex Pattern)[] Rules =
    [
        ("SSN", SsnFormatted()),
        ("SSN", SsnAfterKeyword()),
        ("MRN or record number", RecordNumberAfterKeyword()),
        ("MRN or record number", LongDigitRun()),
        ("phone number", UsPhone()),
        ("e-mail address", Email()),
        ("full date", NumericDate()),
        ("full date", YearFirstDate()),
        ("full date", MonthNameDate()),
        ("full date", DayMonthNameDate()),
        ("date of birth", BirthKeyword()),
        ("person's name with title", NameWithTitle()),
        ("street address", StreetAddress()),
    ];

    /// <summary>
    /// Names of the rules that matched, in a fixed order; empty when the text looks clean. Text over
    /// <see cref="MaxLength"/> characters is refused as <see cref="TooLong"/> before any matching, and a rule that
    /// times out yields <see cref="CouldNotBeChecked"/> so the caller never treats unchecked text as clean.
    /// </summary>
    public static IReadOnlyList<string> Find(string? text) => Find(text, Rules);

    internal static IReadOnlyList<string> Find(string? text, IReadOnlyList<(string Name, Regex Pattern)> rules)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (text.Length > MaxLength)
        {
            return [TooLong];
        }

        var normalised = UnicodeText.ForMatching(text);
        var found = new List<string>();
        foreach (var (name, pattern) in rules)
        {
            if (found.Contains(name))
            {
                continue;
            }

            try
            {
                if (pattern.IsMatch(normalised))
                {
                    found.Add(name);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                found.Add(CouldNotBeChecked);
                break;
            }
        }

        return found;
    }

    // Any 3-2-4 group with the same separator twice; area-number validity is not checked, since an invalid-looking
    // SSN typed into a note is still an identifier.
    [GeneratedRegex(@"(?<!\d)\d{3}([- .])\d{2}\1\d{4}(?!\d)", Options, TimeoutMs)]
    private static partial Regex SsnFormatted();

    [GeneratedRegex(@"\b(?:ssn|ss\#|social\s?security(?:\s?(?:number|no\.?))?)\W{0,3}\d{3}[- .]?\d{2}[- .]?\d{4}(?!\d)", Options, TimeoutMs)]
    private static partial Regex SsnAfterKeyword();

    [GeneratedRegex(
        @"\b(?:mrn|mr\s?\#|medical\s?record(?:\s?(?:number|no\.?))?|record\s?(?:number|no\.?)|acct|account(?:\s?(?:number|no\.?))?|accession(?:\s?(?:number|no\.?))?)\W{0,3}[a-z]{0,3}\d[\d-]{3,30}",
        Options,
        TimeoutMs)]
    private static partial Regex RecordNumberAfterKeyword();

    // Clinical numbers (activities, CPT codes, licence numbers) stay below 7 digits; longer runs are usually ids.
    [GeneratedRegex(@"\d{7}", Options, TimeoutMs)]
    private static partial Regex LongDigitRun();

    [GeneratedRegex(@"(?<!\d)(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?!\d)", Options, TimeoutMs)]
    private static partial Regex UsPhone();

    // The last label must be letters so "given at 7.4 GBq" is not read as "given@7.4".
    [GeneratedRegex(
        @"(?<![\w.%+-])[\w.%+-]{1,64}(?:" + Dot + @"[\w.%+-]{1,64}){0,3}" + At
            + @"[\w-]{1,63}(?:(?:" + Dot + @"|\.)[\w-]{1,63}){0,3}(?:" + Dot + @"|\.)[a-z]{2,24}\b",
        Options,
        TimeoutMs)]
    private static partial Regex Email();

    // 3/14/1950, 03-14-1950, 14.03.50: day and month order are both accepted.
    [GeneratedRegex(@"(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?!\d)", Options, TimeoutMs)]
    private static partial Regex NumericDate();

    // 1950-03-14; "2026-11" (month precision) has no second separator and passes.
    [GeneratedRegex(@"(?<![\d/.-])\d{4}([/.-])\d{1,2}\1\d{1,2}(?!\d)", Options, TimeoutMs)]
    private static partial Regex YearFirstDate();

    // March 14, 1950 / Mar 14th 1950; "March 2026" has no day and passes.
    [GeneratedRegex(@"\b" + Month + @"\s?\d{1,2}(?:st|nd|rd|th)?(?:,\s?|\s)\d{4}(?!\d)", Options, TimeoutMs)]
    private static partial Regex MonthNameDate();

    // 14 Mar 1950 / 14-Mar-1950 / 14th of March, 1950.
    [GeneratedRegex(@"(?<!\d)\d{1,2}(?:st|nd|rd|th)?[\s-](?:of\s)?" + Month + @"[\s,-]{1,2}\d{4}(?!\d)", Options, TimeoutMs)]
    private static partial Regex DayMonthNameDate();

    [GeneratedRegex(@"\b(?:dob|d\.o\.b|date\sof\sbirth|birth\s?date|born)\b", Options, TimeoutMs)]
    private static partial Regex BirthKeyword();

    // Decision: "Mr./Mrs./Ms./Miss/Mx. + capitalised word" is taken as a patient's name and blocked, but "Dr." is
    // allowed because notes legitimately name the supervising preceptor ("Dr. Lee supervised"). Titles are
    // case-sensitive so "MS Contin" or "MR imaging" are not read as names.
    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx)\b\.?\s?\p{Lu}", CaseSensitive, TimeoutMs)]
    private static partial Regex NameWithTitle();

    // "St" and "Dr" followed by a capitalised word are "Saint"/"Doctor" ("3 cycles with Dr. Lee"), not a street.
    [GeneratedRegex(
        @"(?<![\d.,])\d{1,6}[A-Za-z]?\s(?:\p{L}[\p{L}'.-]*\s){1,4}(?:(?i:street|avenue|road|boulevard|lane|drive)\b|(?:Ave|Rd|Blvd|Ln)\b|(?:St|Dr)\b(?!\.?\s?\p{Lu}))",
        CaseSensitive,
        TimeoutMs)]
    private static partial Regex StreetAddress();
}
