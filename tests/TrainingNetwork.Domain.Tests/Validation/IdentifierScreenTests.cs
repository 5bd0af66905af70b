using System.Diagnostics;
using System.Text.RegularExpressions;
using CsCheck;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Domain.Tests.Validation;

public sealed class IdentifierScreenTests
{
    private const string Ssn = "SSN";
    private const string RecordNumber = "MRN or record number";
    private const string Phone = "phone number";
    private const string Email = "e-mail address";
    private const string FullDate = "full date";
    private const string NameWithTitle = "person's name with title";
    private const string BirthDate = "date of birth";
    private const string Street = "street address";

    private static readonly string[] AllRuleNames =
        [Ssn, RecordNumber, Phone, Email, FullDate, NameWithTitle, BirthDate, Street, IdentifierScreen.TooLong, IdentifierScreen.CouldNotBeChecked];

    public static TheoryData<string, string> Identifiers => new()
    {
        { "SSN 123-45-6789", Ssn },
        { "pt 123-45-6789 seen", Ssn },
        { "ss 123 45 6789", Ssn },
        { "id 123.45.6789", Ssn },
        { "ssn:123456789", Ssn },
        { "Social security number 123 45 6789", Ssn },
        { "１２３-４５-６７８９", Ssn }, // (c) row 17: full-width
        { "123\u200B-45-6789", Ssn }, // (c) row 17: zero-width space
        { "123\u201345\u20136789", Ssn }, // en dashes
        { "123\u221245\u22126789", Ssn }, // minus signs
        { "123-\u202E45-6789", Ssn },
        { "123\uFEFF-45\u2060-6789", Ssn },
        { "MRN 00123456", RecordNumber },
        { "MRN: 4455", RecordNumber },
        { "mrn#A12345", RecordNumber },
        { "MR# A123456", RecordNumber },
        { "medical record 55-1234", RecordNumber },
        { "Medical record number: 99812", RecordNumber },
        { "record no. 12345", RecordNumber },
        { "acct 99887766", RecordNumber },
        { "Account #4455667", RecordNumber },
        { "Accession 22-334455", RecordNumber },
        { "FIN 99887766", RecordNumber },
        { "ref 1234567", RecordNumber },
        { "３１４５５５０１２３", RecordNumber },
        { "call (314) 555-0123", Phone },
        { "(314)555-0123", Phone },
        { "314-555-0123", Phone },
        { "314.555.0123", Phone },
        { "+1 314 555 0123", Phone },
        { "+1 415-555-0132", Phone },
        { "1-314-555-0123", Phone },
        { "415\u00A0555\u00A00132", Phone }, // no-break spaces
        { "jane.doe@example.org", Email },
        { "JANE_DOE+rx@mail.hospital.example.com", Email },
        { "jane dot doe at gmail dot com", Email },
        { "jane doe at gmail dot com", Email },
        { "jane[at]gmail[dot]com", Email },
        { "jane (at) gmail (dot) com", Email },
        { "jane @ gmail.com", Email },
        { "jane at gmail.com", Email },
        { "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｏｒｇ", Email },
        { "treated 3/14/1950", FullDate },
        { "treated 03/14/2024", FullDate },
        { "03-14-1950", FullDate },
        { "on 3-14-24", FullDate },
        { "14.03.1950", FullDate },
        { "1950-03-14", FullDate },
        { "1950/3/4", FullDate },
        { "March 14, 1950", FullDate },
        { "Mar 14, 2024", FullDate },
        { "mar. 14 2024", FullDate },
        { "September 3rd, 2025", FullDate },
        { "14 Mar 1950", FullDate },
        { "14 March 2024", FullDate },
        { "14-Mar-1950", FullDate },
        { "14th of March, 1950", FullDate },
        { "DOB 1950", BirthDate },
        { "d.o.b. unknown", BirthDate },
        { "date of birth withheld", BirthDate },
        { "birthdate in chart", BirthDate },
        { "born 1931", BirthDate },
        { "Mrs. Alvarez tolerated well", NameWithTitle },
        { "Mr. Smith", NameWithTitle },
        { "Mr Smith", NameWithTitle },
        { "Ms. O'Brien", NameWithTitle },
        { "Miss Lee", NameWithTitle },
        { "spoke with Mrs.Núñez", NameWithTitle },
        { "Ｍｒｓ． Alvarez", NameWithTitle },
        { "lives at 123 Main St.", Street },
        { "123 Main Street", Street },
        { "4500 Forest Park Ave", Street },
        { "12 Elm Road", Street },
        { "12 Elm Rd, Springfield", Street },
        { "660 S. Euclid Blvd", Street },
        { "9 Penny Lane", Street },
        { "221B Baker Street", Street },
        { "77 Oak Dr", Street },
        { "1600 martin luther king drive", Street },
    };

    public static TheoryData<string> ClinicalText => new()
    {
        "Cycle 2 of 4, 7.4 GBq Lu-177 dotatate, no adverse events, pre-medicated with antiemetics; Dr. Lee supervised. Creatinine 1.1.",
        "Administered 2026-11 (month only) in infusion suite B2",
        "Lu-177 dotatate 7.4 GBq",
        "Lu\u2011177 dotatate, 177Lu, lu177", // (c) row 39: non-breaking hyphen
        "Ra-223 55 kBq/kg x6",
        "I-131 150 mCi oral, written directive signed",
        "Pluvicto 7.4 GBq (200 mCi) cycle 3 of 6",
        "age 67, mCRPC, PSMA+",
        "2024 case, Q3 rotation",
        "Treated March 2026; follow-up Apr 2027",
        "10 CFR 35.390(b)(1)(ii)(G)",
        "CPT 79101",
        "activity 3.7e9 Bq",
        "survey 0.5 mR/h at 1 m",
        "NRC license 37-12345-01",
        "released per 35.75, 7 mrem",
        "patient 88 yo tolerated",
        "May require dose reduction",
        "eGFR 45 mL/min/1.73m2",
        "cycle 2/4, interval 8 weeks",
        "given at 7.4 GBq over 30 min at 10:30",
        "Dr. Alice\u202Eecila supervised", // (c) row 10: bidi override is stripped, "Dr." is allowed
        "3 cycles with Dr. Lee and Dr Patel",
        "Infusion in St. Louis center, 2 cycles",
        "MS Contin for pain; MR imaging pending",
        "Missed dose rescheduled",
        "newborn screening not applicable; airborne precautions",
        "Accounted for 4 vials",
        "Phone follow-up done",
        "7.4 GBq, 200 mCi, 1.1 mg/dL, 95% purity, 1234 kBq",
        "",
        "   ",
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Find_identifier_ruleNamed(string text, string rule) => Assert.Contains(rule, IdentifierScreen.Find(text));

    [Theory]
    [MemberData(nameof(ClinicalText))]
    public void Find_clinicalText_clean(string text) => Assert.Empty(IdentifierScreen.Find(text));

    [Fact]
    public void Find_null_clean() => Assert.Empty(IdentifierScreen.Find(null));

    [Fact]
    public void Find_severalIdentifiers_allRuleNamesOnceInFixedOrder() // (c) row 16
    {
        var found = IdentifierScreen.Find("MRN 00123456, DOB 3/14/1950, Mrs. Alvarez, MRN 7654321");

        Assert.Equal([RecordNumber, FullDate, BirthDate, NameWithTitle], found);
    }

    [Fact]
    public void Find_atLengthLimit_screened()
    {
        var text = new string('x', IdentifierScreen.MaxLength - 11) + "123-45-6789";

        Assert.Equal([Ssn], IdentifierScreen.Find(text));
    }

    [Fact]
    public void Find_overLengthLimit_onlyTooLong() =>
        Assert.Equal([IdentifierScreen.TooLong], IdentifierScreen.Find(new string('x', IdentifierScreen.MaxLength - 10) + "123-45-6789"));

    [Fact]
    public void Find_hundredThousandAtSigns_tooLongWithoutWork() // (c) rows 7 and 38
    {
        var text = string.Concat(Enumerable.Repeat("a@", 100_000)) + " jane@example.org";
        var watch = Stopwatch.StartNew();

        var found = IdentifierScreen.Find(text);

        Assert.Equal([IdentifierScreen.TooLong], found);
        Assert.True(watch.ElapsedMilliseconds < 100, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Find_worstCaseTextAtLimit_finishesWithinTimeout()
    {
        string[] fillers = ["a@", "a.", "1-", "a dot ", "a at ", "12 ", "Mr ", "1/"];
        foreach (var filler in fillers)
        {
            var text = string.Concat(Enumerable.Repeat(filler, IdentifierScreen.MaxLength / filler.Length));

            Assert.DoesNotContain(IdentifierScreen.CouldNotBeChecked, IdentifierScreen.Find(text));
        }
    }

    [Fact]
    public void Find_ruleTimesOut_failsClosed()
    {
        var catastrophic = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(1));

        var found = IdentifierScreen.Find(new string('a', 40) + "!", [("SSN", catastrophic), ("never run", catastrophic)]);

        Assert.Equal([IdentifierScreen.CouldNotBeChecked], found);
    }

    [Fact]
    public void Find_arbitraryText_neverThrowsAndNamesKnownRules() =>
        TextGen.Strings(IdentifierScreen.MaxLength + 50).Sample(text =>
            IdentifierScreen.Find(text).All(AllRuleNames.Contains));

    [Fact]
    public void Find_invisibleCharactersInsertedIntoIdentifier_stillFound()
    {
        var samples = Identifiers.ToArray();
        var invisible = Gen.Char["\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\uFEFF"];
        Gen.Select(Gen.Int[0, samples.Length - 1], Gen.Int[0, 1000], invisible).Sample((sample, position, mark) =>
        {
            var text = (string)samples[sample][0];
            var rule = (string)samples[sample][1];
            return IdentifierScreen.Find(text.Insert(position % (text.Length + 1), mark.ToString())).Contains(rule);
        });
    }
}
