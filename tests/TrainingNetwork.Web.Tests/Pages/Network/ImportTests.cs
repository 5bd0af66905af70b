using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Training;

namespace TrainingNetwork.Web.Tests.Pages.Network;

/// <summary>
/// Staff import of physician records: the dry run reports and writes nothing; an import creates every entry in one
/// transaction or nothing; the imported physician is judged exactly as their record says, minus what the import
/// deliberately leaves out (paper sign-offs and attestations).
/// </summary>
public sealed class ImportTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>, IAsyncLifetime
{
    private const string Url = "/Network/Import";
    private const string Ada = "ada.quinn@example.org";
    private const string Ben = "ben.sato@example.org";
    private const string GatewayLicense = "24-31001-01";
    private const string GatewayPreceptor2 = "preceptor2.gateway@trainingnetwork.test";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dry_run_of_a_good_file_reports_what_each_entry_would_create_and_writes_nothing()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var before = await CountsAsync();
        var mailBefore = portal.MailTo(Ada).Count;

        var page = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Check", ExampleFile()));

        Assert.Equal("2 would be created", page.QuerySelector("[data-count='create']")!.TextContent.Trim());
        Assert.Equal("0 rejected", page.QuerySelector("[data-count='rejected']")!.TextContent.Trim());
        var ada = Row(page, 0);
        Assert.Equal("create", ada.GetAttribute("data-outcome"));
        Assert.Contains(Ada, ada.TextContent);
        Assert.Contains("5 classroom entries, 5 work-experience elements, 1 board certificate, 1 AU listing and 3 cases for review", Squeeze(ada.TextContent));
        Assert.Contains("3 cases signed off on paper will arrive as submitted", ada.TextContent);
        Assert.Contains("1 attestation not imported", ada.TextContent);
        Assert.Contains("2 classroom entries, 0 work-experience elements, 0 board certificates, 0 AU listings and 0 cases", Squeeze(Row(page, 1).TextContent));
        Assert.NotNull(page.QuerySelector("#import-form"));
        Assert.Equal(RecordImport.Fingerprint(ExampleFile()), page.QuerySelector<IHtmlInputElement>("#import-form input[name='CheckedSha256']")!.Value);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(mailBefore, portal.MailTo(Ada).Count);
    }

    [Fact]
    public async Task Dry_run_rejects_each_bad_entry_with_every_reason_and_writes_nothing()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var before = await CountsAsync();
        var file = File(
            AdaAs(Ada),
            AdaAs("trainee01@trainingnetwork.test"),
            AdaAs(Ada.ToUpperInvariant()),
            AdaAs("many.problems@example.org", entry =>
            {
                entry["practice_state"] = "ZZ";
                entry["npi"] = "1234567890";
                Case(entry, 0)["license"] = "99-99999-99";
            }),
            AdaAs("elsewhere@example.org", entry => Case(entry, 1)["supervisor_id"] = Supervisor(entry, "preceptor1.lakeshore@trainingnetwork.test")),
            AdaAs("unknown.supervisor@example.org", entry => Record(entry)["work_experience"]![0]!["supervisor_id"] = Supervisor(entry, "nobody@example.org")),
            AdaAs("identifier@example.org", entry => Record(entry)["classroom_training"]![0]!["provider"] = "Course taught at the bedside of Mrs. Alvarez"),
            AdaAs("zero.hours@example.org", entry => Record(entry)["classroom_training"]![1]!["hours"] = 0),
            AdaAs("bad.route@example.org", entry => Case(entry, 2)["route"] = "IV"),
            AdaAs("legacy@example.org", entry =>
            {
                Record(entry)["rule_set"] = "LEGACY-2005";
                Record(entry)["requested_categories"] = new JsonArray("L3");
            }),
            AdaAs("wrong.category@example.org", entry => Record(entry)["requested_categories"] = new JsonArray("G1")),
            AdaAs("future@example.org", entry => Case(entry, 0)["date"] = "2999-01-01"),
            AdaAs("long.name@example.org", entry => entry["full_name"] = new string('a', 201)));

        var page = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Check", file));

        Assert.Equal("1 would be created", page.QuerySelector("[data-count='create']")!.TextContent.Trim());
        Assert.Equal("12 rejected", page.QuerySelector("[data-count='rejected']")!.TextContent.Trim());
        Assert.Equal("create", Row(page, 0).GetAttribute("data-outcome"));
        AssertRejected(page, 1, "$[1].email: 'trainee01@trainingnetwork.test' already has an account");
        AssertRejected(page, 2, $"$[2].email: '{Ada.ToUpperInvariant()}' is also the e-mail of entry $[0]");
        AssertRejected(page, 3,
            "$[3].practice_state: 'ZZ' is not a US state code",
            "$[3].npi: '1234567890' is not a valid NPI",
            "$[3].record.cases[0].license: '99-99999-99' is not the license number of a network center");
        AssertRejected(page, 4, "$[4].record.cases[1].supervisor_id: 'preceptor1.lakeshore@trainingnetwork.test' is not on the preceptor roster of the center with license '24-31001-01'");
        AssertRejected(page, 5, "$[5].record.work_experience[0].supervisor_id: 'nobody@example.org' is not the e-mail of a preceptor on a network center's roster");
        AssertRejected(page, 6, "$[6].record.classroom_training[0].provider: looks like it contains patient identifiers (person's name with title)");
        AssertRejected(page, 7, "$[7].record.classroom_training[1]: Clock hours must be above 0 and at most 1000.");
        AssertRejected(page, 8, "$[8].record.cases[2].route: 'IV' is not one of");
        AssertRejected(page, 9, "$[9].record.rule_set: the portal keeps physicians under NRC-2019 only");
        AssertRejected(page, 10, "$[10].record.requested_categories: Under 10 CFR 35.396 choose among G3.");
        AssertRejected(page, 11, "$[11].record.cases[0].date: 2999-01-01 is in the future");
        AssertRejected(page, 12, "$[12].full_name: Use at most 200 characters.");
        Assert.Null(page.QuerySelector("#import-form"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_of_a_good_file_creates_every_physician_with_their_evidence_audits_it_and_invites_them()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var mailBefore = (Ada: portal.MailTo(Ada).Count, Ben: portal.MailTo(Ben).Count);

        var response = await CheckThenImportAsync(staff, ExampleFile());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var status = (await staff.GetDocumentAsync(Url)).QuerySelector("[role='status']")!.TextContent;
        Assert.Contains($"Imported 2 physicians (file SHA-256 {RecordImport.Fingerprint(ExampleFile())})", status);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var staffId = await portal.UserIdAsync(DemoAccounts.Staff);
        var ada = (await users.FindByEmailAsync(Ada))!;
        Assert.Equal(("Dr. Ada Quinn", true, null), (ada.FullName, ada.EmailConfirmed, ada.PasswordHash));
        Assert.Equal([Roles.Trainee], await users.GetRolesAsync(ada));
        Assert.Equal([Roles.Trainee], await users.GetRolesAsync((await users.FindByEmailAsync(Ben))!));

        var profile = await db.Trainees.Include(t => t.Classroom).SingleAsync(t => t.UserId == ada.Id);
        Assert.Equal((Pathway.Section396, "Radiation oncology", "MO", "1234567893"), (profile.Pathway, profile.Specialty, profile.PracticeState, profile.Npi));
        Assert.Equal(["G3"], profile.RequestedCategories);
        Assert.Equal(5, profile.Classroom.Count);
        Assert.All(profile.Classroom, c => Assert.Equal((16m, "Gateway Theranostics didactic course"), (c.Hours, c.Provider)));
        var preceptor1 = await portal.UserIdAsync(DemoAccounts.Preceptor);
        var work = await db.WorkExperience.Where(w => w.TraineeId == profile.Id).ToListAsync();
        Assert.Equal(5, work.Count);
        Assert.All(work, w => Assert.Equal((preceptor1, GatewayLicense), (w.SupervisorUserId, w.License)));
        var board = Assert.Single(await db.BoardCertificates.Where(b => b.TraineeId == profile.Id).ToListAsync());
        Assert.Equal(("American Board of Radiology", new DateOnly(2019, 6, 1)), (board.Board, board.IssuedOn));
        var listing = Assert.Single(await db.PracticeAuthorizations.Where(a => a.UserId == ada.Id).ToListAsync());
        Assert.Equal(("35.490", "24-90001-01", VerificationStatus.Unverified), (listing.Basis, listing.License, listing.Verification));

        var gateway = await db.Centers.Where(c => c.LicenseNumber == GatewayLicense).Select(c => c.Id).SingleAsync();
        var cases = await db.Cases.Include(c => c.History).Where(c => c.TraineeId == profile.Id).OrderBy(c => c.AdministeredOn).ToListAsync();
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c => Assert.Equal((CaseStatus.Submitted, gateway, 7400m), (c.Status, c.CenterId, c.ActivityMbq)));
        Assert.Equal([preceptor1, await portal.UserIdAsync(GatewayPreceptor2), preceptor1], cases.Select(c => c.SupervisorUserId));
        Assert.Equal(3, cases.Select(c => c.PatientToken).Distinct().Count(t => t is { Length: 32 }));
        Assert.All(cases, c => Assert.Equal([(CaseEventKind.Logged, staffId), (CaseEventKind.Submitted, staffId)], c.History.OrderBy(e => e.Kind).Select(e => (e.Kind, e.ActorUserId))));
        Assert.Equal(3, await db.WaitingForReviewBy(preceptor1).CountAsync(c => c.TraineeId == profile.Id) + await db.WaitingForReviewBy(await portal.UserIdAsync(GatewayPreceptor2)).CountAsync(c => c.TraineeId == profile.Id));

        var benId = (await users.FindByEmailAsync(Ben))!.Id;
        var ben = await db.Trainees.SingleAsync(t => t.UserId == benId);
        Assert.Equal((Pathway.Section390, "IL", (string?)null), (ben.Pathway, ben.PracticeState, ben.Npi));
        Assert.Equal(["G1", "G2", "G3"], ben.RequestedCategories);

        Assert.True(await db.ReadinessSummaries.AnyAsync(s => s.TraineeId == profile.Id));
        Assert.True(await db.ReadinessSummaries.AnyAsync(s => s.TraineeId == ben.Id));

        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.RecordsImported);
        Assert.Equal(("import", RecordImport.Fingerprint(ExampleFile()), staffId, (string?)null), (audit.SubjectType, audit.SubjectId, audit.ActorUserId, audit.BeforeSha256));
        Assert.Equal(AuditEntry.Record(DateTimeOffset.UnixEpoch, null, AuditAction.RecordsImported, "import", "x", null, new { created = 2, rejected = 0 }, "x").AfterSha256, audit.AfterSha256);
        Assert.Equal(1, await db.AuditEntries.CountAsync());
        Assert.True(AuditChain.Verify(await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync()).Intact);

        Assert.Equal((mailBefore.Ada + 1, mailBefore.Ben + 1), (portal.MailTo(Ada).Count, portal.MailTo(Ben).Count));
        Assert.Equal("Your TrainingNetwork account", portal.MailTo(Ada).MaxBy(m => m.SentAt)!.Subject);
        Assert.Contains("Set your password", portal.MailTo(Ben).MaxBy(m => m.SentAt)!.HtmlBody);
    }

    [Fact]
    public async Task Imported_physician_is_judged_exactly_as_their_record_without_paper_sign_offs_and_attestations()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        await CheckThenImportAsync(staff, ExampleFile());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var original = TraineeRecordJson.Parse(Record(ExampleEntries()[0]!.AsObject()).ToJsonString()).Record!;
        var expected = original with
        {
            EvaluationDate = today,
            ApplicationDate = null,
            Cases = [.. original.Cases.Select(c => c with { SignedOff = false })],
            Attestations = [],
            ContinuingEducation = [],
        };

        var loaded = await portal.QueryAsync(async db =>
        {
            var emails = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email!);
            var adaId = emails.Single(e => e.Value == Ada).Key;
            var profile = await db.Trainees.SingleAsync(t => t.UserId == adaId);
            var record = (await new TraineeRecordLoader(db).LoadAsync(profile.Id, today))!;
            return WithIdsOf(original, record, emails);
        });

        Assert.Equal(ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(expected)), ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(loaded)));
        Assert.Equal(ReadinessStatus.NotQualified, ReadinessEngine.Evaluate(loaded).Categories.Single().Status);
    }

    [Fact]
    public async Task An_entry_rejected_at_import_time_means_nothing_is_imported()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var checkedPage = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Check", ExampleFile()));
        await RegisterMeanwhileAsync(Ben);
        var before = await CountsAsync();
        var mailBefore = portal.MailTo(Ada).Count;

        var response = await PostFileAsync(staff, "Import", ExampleFile(),
            checkedPage.QuerySelector<IHtmlInputElement>("#import-form input[name='CheckedSha256']")!.Value);

        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was imported: 1 entry is rejected.", page.QuerySelector("#import-report [role='alert']")!.TextContent);
        AssertRejected(page, 1, $"$[1].email: '{Ben}' already has an account");
        Assert.Equal(before, await CountsAsync());
        Assert.Null(await portal.QueryAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == Ada)));
        Assert.Equal(mailBefore, portal.MailTo(Ada).Count);
    }

    [Fact]
    public async Task A_file_with_a_rejected_entry_cannot_be_imported_even_when_posted_directly()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var file = File(AdaAs(Ada), AdaAs("bad.state@example.org", entry => entry["practice_state"] = "ZZ"));
        var before = await CountsAsync();

        var response = await PostFileAsync(staff, "Import", file, RecordImport.Fingerprint(file));

        Assert.Contains("Nothing was imported", (await HtmlForms.ParseAsync(response)).QuerySelector("#import-report")!.TextContent);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Importing_the_same_file_twice_creates_nothing_the_second_time()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        await CheckThenImportAsync(staff, ExampleFile());
        var before = await CountsAsync();
        var mailBefore = portal.MailTo(Ada).Count;

        var again = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Import", ExampleFile(), RecordImport.Fingerprint(ExampleFile())));

        Assert.Equal("2 rejected", again.QuerySelector("[data-count='rejected']")!.TextContent.Trim());
        AssertRejected(again, 0, $"'{Ada}' already has an account");
        AssertRejected(again, 1, $"'{Ben}' already has an account");
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(mailBefore, portal.MailTo(Ada).Count);
    }

    [Fact]
    public async Task Importing_a_file_other_than_the_one_checked_shows_its_dry_run_instead()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var before = await CountsAsync();

        var page = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Import", ExampleFile(), RecordImport.Fingerprint(File(AdaAs(Ada)))));

        Assert.Contains("This is not the file you checked, so nothing was imported.", page.QuerySelector("#file-error")!.TextContent);
        Assert.Equal(RecordImport.Fingerprint(ExampleFile()), page.QuerySelector<IHtmlInputElement>("#import-form input[name='CheckedSha256']")!.Value);
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string> WrongFiles => new()
    {
        { "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n", "The file is not valid JSON (line 1, byte 1)" },
        { System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "S01-baseline-qualified.record.json")), "The file is a single trainee record." },
        { """{ "entries": [] }""", "The file must hold an array of import entries" },
        { "[]", "The file holds no entries." },
        { "[1, 2", "The file is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public async Task A_file_that_is_not_an_import_file_gets_a_clear_message_and_nothing_is_written(string content, string message)
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var before = await CountsAsync();

        var page = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Check", Encoding.UTF8.GetBytes(content)));

        Assert.Contains(message, page.QuerySelector("#file-error")!.TextContent);
        Assert.Null(page.QuerySelector("#import-report"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_text_gets_a_clear_message()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var page = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Check", [0x5B, 0x22, 0xFF, 0xFE, 0x22, 0x5D]));

        Assert.Contains("The file is not UTF-8 text.", page.QuerySelector("#file-error")!.TextContent);
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_a_clear_message()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var justOver = new byte[(4 * 1024 * 1024) + 1];
        var farOver = new byte[5 * 1024 * 1024];

        var refused = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Check", justOver));
        var redirected = await PostFileAsync(staff, "Check", farOver);

        Assert.Contains("The file is larger than 4 MB.", refused.QuerySelector("#file-error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains("The file is larger than 4 MB.", (await staff.GetDocumentAsync(redirected.Headers.Location!.OriginalString)).QuerySelector("#file-error")!.TextContent);
    }

    [Fact]
    public async Task Checking_without_a_file_asks_for_one()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Admin);

        var page = await HtmlForms.ParseAsync(await PostFileAsync(staff, "Check", []));

        Assert.Contains("Choose the import file (JSON).", page.QuerySelector("#file-error")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(Url);

        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee)]
    [InlineData(DemoAccounts.Preceptor)]
    [InlineData(DemoAccounts.Coordinator)]
    public async Task Other_roles_are_refused(string account)
    {
        var client = await portal.SignedInAsync(account);

        var page = await client.GetAsync(Url);
        var post = await client.PostAsync($"{Url}?handler=Import", new MultipartFormDataContent { { new ByteArrayContent(ExampleFile()), "ImportFile", "import.json" } });

        Assert.StartsWith("/Identity/Account/AccessDenied", page.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/Identity/Account/AccessDenied", post.Headers.Location!.AbsolutePath);
        Assert.Null(await portal.QueryAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == Ada)));
    }

    private static byte[] ExampleFile() => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Examples", "import-example.json"));

    private static JsonArray ExampleEntries() => JsonNode.Parse(ExampleFile())!.AsArray();

    private static JsonObject AdaAs(string email, Action<JsonObject>? change = null)
    {
        var entry = ExampleEntries()[0]!.DeepClone().AsObject();
        entry["email"] = email;
        change?.Invoke(entry);
        return entry;
    }

    private static JsonObject Record(JsonObject entry) => entry["record"]!.AsObject();

    private static JsonObject Case(JsonObject entry, int index) => Record(entry)["cases"]![index]!.AsObject();

    /// <summary>Adds <paramref name="id"/> to the record's preceptors, so that the record itself is valid, and returns it.</summary>
    private static string Supervisor(JsonObject entry, string id)
    {
        Record(entry)["preceptors"]!.AsArray().Add(new JsonObject { ["id"] = id, ["authorizations"] = new JsonArray() });
        return id;
    }

    private static byte[] File(params JsonObject[] entries) => Encoding.UTF8.GetBytes(new JsonArray([.. entries]).ToJsonString());

    private static IHtmlTableRowElement Row(IHtmlDocument page, int entry) =>
        page.QuerySelector<IHtmlTableRowElement>($"#import-entries tr[data-entry='{entry}']")!;

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void AssertRejected(IHtmlDocument page, int entry, params string[] reasons)
    {
        var row = Row(page, entry);
        Assert.Equal("rejected", row.GetAttribute("data-outcome"));
        var listed = row.QuerySelectorAll("li").Select(li => Squeeze(li.TextContent)).ToList();
        foreach (var reason in reasons)
        {
            Assert.Contains(listed, item => item.Contains(reason, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Posts the file as the page's forms do: multipart, with the antiforgery token, the idempotency key of a form opened
    /// now, and the checked file's fingerprint.
    /// </summary>
    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string handler, byte[] content, string? checkedSha256 = null)
    {
        var page = await client.GetDocumentAsync(Url);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector<IHtmlInputElement>("#check-form input[name='__RequestVerificationToken']")!.Value), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString()), "IdempotencyKey" },
            { new ByteArrayContent(content), "ImportFile", "physicians.json" },
        };
        if (checkedSha256 is not null)
        {
            body.Add(new StringContent(checkedSha256), "CheckedSha256");
        }

        return await client.PostAsync($"{Url}?handler={handler}", body);
    }

    /// <summary>The staff member's two steps: the dry run, then the import form it offers, with the same file.</summary>
    private static async Task<HttpResponseMessage> CheckThenImportAsync(HttpClient client, byte[] content)
    {
        var dryRun = await HtmlForms.ParseAsync(await PostFileAsync(client, "Check", content));
        var checkedSha256 = dryRun.QuerySelector<IHtmlInputElement>("#import-form input[name='CheckedSha256']")!.Value;
        return await PostFileAsync(client, "Import", content, checkedSha256);
    }

    private async Task RegisterMeanwhileAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, FullName = "Registered meanwhile" })).Succeeded);
    }

    /// <summary>Row counts of everything an import could write.</summary>
    private Task<int[]> CountsAsync() => portal.QueryAsync(async db => new[]
    {
        await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.Trainees.CountAsync(), await db.ClassroomEntries.CountAsync(),
        await db.WorkExperience.CountAsync(), await db.BoardCertificates.CountAsync(), await db.PracticeAuthorizations.CountAsync(),
        await db.Cases.CountAsync(), await db.CaseEvents.CountAsync(), await db.AuditEntries.CountAsync(), await db.ReadinessSummaries.CountAsync(),
    });

    /// <summary>The loaded record with the ids of the original record: cases in its order with its case ids, people by e-mail.</summary>
    private static TraineeRecord WithIdsOf(TraineeRecord original, TraineeRecord loaded, Dictionary<string, string> emails)
    {
        var cases = loaded.Cases.OrderBy(c => c.Date).Zip(original.Cases.OrderBy(c => c.Date), (c, o) => c with { CaseId = o.CaseId, SupervisorId = emails[c.SupervisorId] });
        return loaded with
        {
            Trainee = loaded.Trainee with { Id = original.Trainee.Id },
            Cases = [.. cases.OrderBy(c => original.Cases.ToList().FindIndex(o => o.CaseId == c.CaseId))],
            WorkExperience = [.. loaded.WorkExperience.Select(w => w with { SupervisorId = emails[w.SupervisorId] })],
            Preceptors = [.. loaded.Preceptors.Select(p => p with { Id = emails[p.Id] })],
        };
    }
}
