using System.Text;
using System.Text.Json.Nodes;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Tests.Trainees;

/// <summary>What an import file's content alone decides: its shape, and each entry's problems and notes.</summary>
public sealed class ImportEntryTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static Regulator SeededRegulator(string state) =>
        JurisdictionRule.InForce(JurisdictionSeed.Rows(Guid.NewGuid).Where(r => r.State == state), Today).Regulator;

    private static readonly byte[] Example = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Readiness", "Examples", "import-example.json"));

    [Fact]
    public void The_example_file_has_two_clean_entries_and_says_what_it_leaves_out()
    {
        var file = ImportEntry.ReadFile(Example, Today, SeededRegulator);

        Assert.Null(file.Error);
        Assert.Equal(2, file.Entries.Count);
        Assert.All(file.Entries, e => Assert.Empty(e.Problems));
        var ada = file.Entries[0];
        Assert.Equal(("ada.quinn@example.org", "Dr. Ada Quinn", "1234567893", "MO"), (ada.Email, ada.FullName, ada.Npi, ada.PracticeState));
        Assert.Equal(3, ada.Record!.Cases.Count);
        Assert.Equal(
            [
                "3 cases signed off on paper will arrive as submitted: the named preceptor reviews and signs off in the portal.",
                "1 attestation not imported: a signature cannot be moved; the preceptor attests in the portal.",
                "How classroom hours were delivered is not kept.",
            ],
            ada.Notes);
        Assert.Null(file.Entries[1].Npi);
        Assert.Empty(file.Entries[1].Notes);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var file = ImportEntry.ReadFile([.. "\uFEFF"u8.ToArray(), .. Example], Today, SeededRegulator);

        Assert.Null(file.Error);
        Assert.Equal(2, file.Entries.Count);
    }

    public static TheoryData<byte[], string> WrongFiles => new()
    {
        { [], "The file is empty." },
        { [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D], "The file is not UTF-8 text." },
        { "%PDF-1.7"u8.ToArray(), "The file is not valid JSON (line 1, byte 1)" },
        { "[{\"email\": 1}\n,"u8.ToArray(), "The file is not valid JSON (line 2" },
        { """{ "format": "trainingnetwork.trainee-record", "version": 1 }"""u8.ToArray(), "The file is a single trainee record." },
        { "\"physicians\""u8.ToArray(), "The file must hold an array of import entries" },
        { "[]"u8.ToArray(), "The file holds no entries." },
        { Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", ImportEntry.MaxEntries + 1)) + "]"), "The file holds 501 entries; import at most 500 at a time." },
        { new byte[ImportEntry.MaxFileBytes + 1], "The file is larger than 4 MB." },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public void A_file_that_is_not_an_array_of_entries_is_refused_as_a_whole(byte[] content, string message)
    {
        var file = ImportEntry.ReadFile(content, Today, SeededRegulator);

        Assert.StartsWith(message, file.Error);
        Assert.Empty(file.Entries);
    }

    [Fact]
    public void Missing_and_malformed_fields_are_reported_under_their_paths()
    {
        var problems = ProblemsOf(new JsonObject { ["full_name"] = "Dr. X", ["email"] = "not-an-address", ["npi"] = "1234567890", ["practice_state"] = "XX" });

        Assert.Equal(
            [
                "$[0].record: is required",
                "$[0].email: 'not-an-address' is not an e-mail address",
                "$[0].npi: '1234567890' is not a valid NPI: 10 digits whose last is the check digit",
                "$[0].practice_state: 'XX' is not a US state code",
            ],
            problems);
    }

    [Fact]
    public void An_entry_that_is_not_an_object_is_rejected()
    {
        var file = ImportEntry.ReadFile("[42]"u8, Today, SeededRegulator);

        Assert.Equal(["$[0]: must be an object, not a number"], file.Entries.Single().Problems.Select(Text));
    }

    [Fact]
    public void The_records_own_errors_are_reported_under_the_entrys_record()
    {
        var problems = ProblemsOf(Ada(entry => Record(entry).Remove("pathway")));

        Assert.Equal(["$[0].record.pathway: is required"], problems);
    }

    [Fact]
    public void The_same_address_twice_rejects_the_later_entry_whatever_its_case()
    {
        var file = ImportEntry.ReadFile(Bytes(Ada(), Ada(entry => entry["email"] = "ADA.Quinn@Example.org")), Today, SeededRegulator);

        Assert.Empty(file.Entries[0].Problems.Select(Text));
        Assert.Equal(["$[1].email: 'ADA.Quinn@Example.org' is also the e-mail of entry $[0]"], file.Entries[1].Problems.Select(Text));
    }

    [Fact]
    public void The_record_must_agree_with_the_practice_state()
    {
        Assert.Equal(["$[0].record.jurisdiction.state: 'MO' differs from the practice state 'KS'"], ProblemsOf(Ada(entry => entry["practice_state"] = "KS")));
        Assert.Equal(
            ["$[0].record.jurisdiction.regulator: MO is regulated by the NRC: the regulator must be NRC"],
            ProblemsOf(Ada(entry => Record(entry)["jurisdiction"]!["regulator"] = "AGREEMENT_STATE")));
        Assert.Empty(ProblemsOf(Ada(entry => entry["practice_state"] = "mo")));
    }

    [Fact]
    public void Numbers_finer_than_the_portal_stores_are_rejected_but_trailing_zeros_are_not()
    {
        var problems = ProblemsOf(Ada(entry =>
        {
            Record(entry)["classroom_training"]![0]!["hours"] = 7.555m;
            Record(entry)["classroom_training"]![1]!["hours"] = 16.000m;
            Record(entry)["cases"]![0]!["activity_mbq"] = 7400.0001m;
        }));

        Assert.Equal(
            [
                "$[0].record.classroom_training[0].hours: use at most 2 decimal places",
                "$[0].record.cases[0].activity_mbq: use at most 3 decimal places",
            ],
            problems);
    }

    [Fact]
    public void Evidence_dated_after_today_is_rejected()
    {
        var problems = ProblemsOf(Ada(entry => Record(entry)["work_experience"]![2]!["completed"] = "2026-11-29"));

        Assert.Equal(["$[0].record.work_experience[2].completed: 2026-11-29 is in the future"], problems);
    }

    [Fact]
    public void Identifiers_in_free_text_and_pseudonyms_are_rejected_without_echoing_them()
    {
        var problems = ProblemsOf(Ada(entry =>
        {
            Record(entry)["cases"]![1]!["patient_pseudonym"] = "MRN 12345678";
            Record(entry)["cases"]![2]!["radiopharmaceutical"] = "Lutathera for Mr. Jones";
            Record(entry)["trainee"]!["specialty"] = " ";
        }));

        Assert.Equal(
            [
                "$[0].record.trainee.specialty: enter the physician's specialty",
                "$[0].record.cases[1].patient_pseudonym: looks like a patient identifier; use a center-local pseudonym such as pt-07, never a name, record number or date",
                "$[0].record.cases[2].radiopharmaceutical: looks like it contains patient identifiers (person's name with title); TrainingNetwork stores none",
            ],
            problems);
    }

    [Fact]
    public void A_legacy_record_is_rejected()
    {
        var problems = ProblemsOf(Ada(entry =>
        {
            Record(entry)["rule_set"] = "LEGACY-2005";
            Record(entry)["requested_categories"] = new JsonArray("L3");
            Record(entry)["attestations"]![0]!["categories"] = new JsonArray("L3");
        }));

        Assert.Equal(["$[0].record.rule_set: the portal keeps physicians under NRC-2019 only; a LEGACY-2005 record cannot be imported"], problems);
    }

    private static JsonObject Ada(Action<JsonObject>? change = null)
    {
        var entry = JsonNode.Parse(Example)!.AsArray()[0]!.DeepClone().AsObject();
        change?.Invoke(entry);
        return entry;
    }

    private static JsonObject Record(JsonObject entry) => entry["record"]!.AsObject();

    private static byte[] Bytes(params JsonObject[] entries) => Encoding.UTF8.GetBytes(new JsonArray([.. entries]).ToJsonString());

    private static List<string> ProblemsOf(JsonObject entry) => [.. ImportEntry.ReadFile(Bytes(entry), Today, SeededRegulator).Entries.Single().Problems.Select(Text)];

    private static string Text(RecordError error) => $"{error.Path}: {error.Message}";
}
