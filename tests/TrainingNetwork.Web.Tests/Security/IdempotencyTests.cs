using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Attestations;
using TrainingNetwork.Web.Tests.Pages.Cases;
using TrainingNetwork.Web.Tests.Pages.Coordination;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>
/// Requirement 43 with bad inputs 22, 23 and 40: every create and sign form carries a key issued with it; a repeat of a
/// post saves nothing and answers with the first result, the same key with other content is refused, no key is refused.
/// </summary>
public sealed class IdempotencyTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string KeyField = "input[name='IdempotencyKey']";
    private const string ReadyPhysician = "trainee19@trainingnetwork.test";
    private const string PhysicianWithoutPlacement = "trainee07@trainingnetwork.test";
    private const string Cascade = "Cascade Radiopharmaceutical Therapy Center";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, string> Forms => new()
    {
        { DemoAccounts.Trainee, "case", "#case-form" },
        { DemoAccounts.Trainee, "classroom", "#classroom-form" },
        { DemoAccounts.Trainee, "work", "#work-form" },
        { DemoAccounts.Trainee, "licenses", "#add-license" },
        { DemoAccounts.Trainee, "boards", "#add-board" },
        { DemoAccounts.Trainee, "physician listings", "#add-authorization" },
        { PhysicianWithoutPlacement, "placement", "main form[method='post']" },
        { DemoAccounts.Preceptor, "preceptor listings", "#add-authorization" },
        { DemoAccounts.Preceptor, "review", "#approve-form, #return-form" },
        { TestAttestations.Signer, "sign", "form#sign" },
        { TestAttestations.Signer, "withdraw", "form#withdraw" },
        { DemoAccounts.Staff, "packet", "#accept-form, #changes-form" },
        { DemoAccounts.Coordinator, "therapies", "#add-therapy" },
        { DemoAccounts.Coordinator, "roster", "#invite" },
        { DemoAccounts.Admin, "invite", "#invite" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Every_create_and_sign_form_carries_a_new_key_each_time_it_is_shown(string email, string form, string selector)
    {
        var client = await portal.SignedInAsync(email);
        var url = await UrlOfAsync(form);

        var first = await client.GetDocumentAsync(url);
        var second = await client.GetDocumentAsync(url);

        var forms = first.QuerySelectorAll(selector);
        Assert.NotEmpty(forms);
        var keys = forms.Select(f => Assert.Single(f.QuerySelectorAll<IHtmlInputElement>(KeyField))).ToList();
        Assert.All(keys, key => Assert.Equal("hidden", key.Type));
        Assert.All(keys, key => Assert.NotEqual(Guid.Empty, Guid.Parse(key.Value)));
        Assert.Equal(keys.Count, keys.Select(k => k.Value).Distinct().Count());
        Assert.DoesNotContain(second.QuerySelector(selector)!.QuerySelector<IHtmlInputElement>(KeyField)!.Value, keys.Select(k => k.Value));
    }

    [Fact]
    public async Task The_same_case_post_twice_saves_one_case_and_sends_the_repeat_to_the_first_result()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;
        var (form, values) = await CaseFormAsync(client);

        var first = await client.SubmitAsync(form, "#case-form", values);
        var repeat = await client.SubmitAsync(form, "#case-form", values);

        Assert.Equal((HttpStatusCode.Redirect, "/Cases"), (first.StatusCode, first.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/Cases"), (repeat.StatusCode, repeat.Headers.Location!.OriginalString));
        Assert.Equal(before + 1, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
        var record = Assert.Single(await RecordsOfAsync(CaseLog.GatewayTrainee));
        Assert.Equal((KeyOf(form, "#case-form"), "/Cases/Create", "/Cases"), (record.Key, record.Form, record.ResultLocation));
        Assert.Matches("^[0-9a-f]{64}$", record.RequestHash);
        var shown = await client.GetDocumentAsync("/Cases");
        Assert.Contains("already sent this form, so it was saved only once", shown.QuerySelector(".alert-success")!.TextContent);
    }

    [Fact]
    public async Task A_repeated_save_and_log_another_returns_to_the_form_that_followed_the_first()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var (form, values) = await CaseFormAsync(client, save: "LogAnother");

        var first = await client.SubmitAsync(form, "#case-form", values);
        var repeat = await client.SubmitAsync(form, "#case-form", values);

        var saved = (await portal.CasesOfAsync(CaseLog.GatewayTrainee))[^1];
        Assert.StartsWith($"/Cases/Create?from={saved.Id}", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Single(await RecordsOfAsync(CaseLog.GatewayTrainee));
    }

    [Fact]
    public async Task Parallel_posts_with_one_key_save_exactly_one_case_and_all_answer_with_its_result()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;
        var (form, values) = await CaseFormAsync(client);

        var responses = await AllAtOnceAsync(12, () => client.SubmitAsync(form, "#case-form", values));

        Assert.All(responses, r => Assert.Equal((HttpStatusCode.Redirect, "/Cases"), (r.StatusCode, r.Headers.Location!.OriginalString)));
        Assert.Equal(before + 1, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
        Assert.Single(await RecordsOfAsync(CaseLog.GatewayTrainee));
    }

    [Fact]
    public async Task The_same_key_with_changed_content_is_refused_and_the_first_case_is_unchanged()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var (form, values) = await CaseFormAsync(client);
        await client.SubmitAsync(form, "#case-form", values);
        var count = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;

        var changed = await client.SubmitAsync(form, "#case-form", new Dictionary<string, string>(values) { ["Input.ActivityAmount"] = "9000" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        var page = await HtmlForms.ParseAsync(changed);
        Assert.Contains("already submitted with different content — open the form again", page.QuerySelector("#form-refused")!.TextContent);
        Assert.Equal("/Cases/Create", page.QuerySelector("main a.btn-primary")!.GetAttribute("href"));
        var cases = await portal.CasesOfAsync(CaseLog.GatewayTrainee);
        Assert.Equal(count, cases.Count);
        Assert.Equal(7400m, cases[^1].ActivityMbq);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task A_post_without_a_valid_key_is_refused_with_400_and_saves_nothing(string? key)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;
        var (form, values) = await CaseFormAsync(client);
        if (key is null)
        {
            form.QuerySelector(KeyField)!.Remove();
        }
        else
        {
            values["IdempotencyKey"] = key;
        }

        var response = await client.SubmitAsync(form, "#case-form", values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("arrived without the key", (await HtmlForms.ParseAsync(response)).QuerySelector("#form-refused")!.TextContent);
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
        Assert.Empty(await RecordsOfAsync(CaseLog.GatewayTrainee));
    }

    [Fact]
    public async Task A_form_shown_again_with_errors_keeps_its_key_so_the_corrected_post_saves_once()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;
        var (form, values) = await CaseFormAsync(client);

        var refused = await client.SubmitAsync(form, "#case-form", new Dictionary<string, string>(values) { ["Input.ActivityAmount"] = "3,7" });
        var again = await HtmlForms.ParseAsync(refused);
        var corrected = await client.SubmitAsync(again, "#case-form", values);
        var repeat = await client.SubmitAsync(again, "#case-form", values);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(KeyOf(form, "#case-form"), KeyOf(again, "#case-form"));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (corrected.StatusCode, repeat.StatusCode));
        Assert.Equal(before + 1, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Fact]
    public async Task A_replayed_attestation_signing_post_adds_no_second_signature()
    {
        var traineeId = await portal.QueryAsync(db => db.Trainees.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == ReadyPhysician)).Select(t => t.Id).SingleAsync());
        var client = await portal.SignedInAsync(TestAttestations.Signer);
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}");
        var code = Code(0);

        var signed = await client.SubmitAsync(page, "form#sign", SignatureFields(code));
        var replayed = await client.SubmitAsync(page, "form#sign", SignatureFields(code));
        var withNextCode = await client.SubmitAsync(page, "form#sign", SignatureFields(Code(30)));

        var attestation = Assert.Single(await portal.QueryAsync(db => db.Attestations.Where(a => a.TraineeId == traineeId).ToListAsync()));
        var details = $"/Attestations/Details/{attestation.Id}";
        Assert.All(new[] { signed, replayed, withNextCode }, r => Assert.Equal((HttpStatusCode.Redirect, details), (r.StatusCode, r.Headers.Location!.OriginalString)));
        var record = Assert.Single(await RecordsOfAsync(TestAttestations.Signer));
        Assert.Equal(("/Attestations/Sign", details), (record.Form, record.ResultLocation));
    }

    [Fact]
    public async Task A_replayed_case_approval_redirects_to_its_result_and_signs_off_once()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");

        var approved = await client.SubmitAsync(page, "#approve-form", new Dictionary<string, string>());
        var version = (await portal.CaseAsync(id)).Version;
        var replayed = await client.SubmitAsync(page, "#approve-form", new Dictionary<string, string>());

        Assert.Equal((HttpStatusCode.Redirect, "/Reviews"), (approved.StatusCode, approved.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/Reviews"), (replayed.StatusCode, replayed.Headers.Location!.OriginalString));
        var after = await portal.CaseAsync(id);
        Assert.Equal((CaseStatus.Approved, version), (after.Status, after.Version));
        Assert.Single(after.History, e => e.Kind == CaseEventKind.Approved);
    }

    [Fact]
    public async Task Parallel_approvals_with_one_key_sign_off_once()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");

        var responses = await AllAtOnceAsync(10, () => client.SubmitAsync(page, "#approve-form", new Dictionary<string, string>()));

        Assert.All(responses, r => Assert.Equal((HttpStatusCode.Redirect, "/Reviews"), (r.StatusCode, r.Headers.Location!.OriginalString)));
        Assert.Single((await portal.CaseAsync(id)).History, e => e.Kind == CaseEventKind.Approved);
    }

    [Fact]
    public async Task A_key_used_to_approve_cannot_be_used_to_return_the_case()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");
        await client.SubmitAsync(page, "#approve-form", new Dictionary<string, string>());

        var returned = await client.SubmitAsync(page, "#return-form", new Dictionary<string, string>
        {
            ["IdempotencyKey"] = KeyOf(page, "#approve-form").ToString(),
            ["Input.Note"] = "Please add the cycle number.",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, returned.StatusCode);
        var after = await portal.CaseAsync(id);
        Assert.Equal((CaseStatus.Approved, null), (after.Status, after.ReturnNote));
    }

    [Fact]
    public async Task A_repeated_import_creates_the_physicians_and_sends_their_invitations_once()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Staff);
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Examples", "import-example.json"));
        var check = await client.GetDocumentAsync("/Network/Import");
        var dryRun = await HtmlForms.ParseAsync(await client.PostAsync("/Network/Import?handler=Check", new MultipartFormDataContent
        {
            { new StringContent(TokenOf(check, "#check-form")), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "ImportFile", "physicians.json" },
        }));
        var users = await portal.QueryAsync(db => db.Users.CountAsync());

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            responses.Add(await client.PostAsync("/Network/Import?handler=Import", new MultipartFormDataContent
            {
                { new StringContent(TokenOf(dryRun, "#import-form")), "__RequestVerificationToken" },
                { new StringContent(KeyOf(dryRun, "#import-form").ToString()), "IdempotencyKey" },
                { new StringContent(dryRun.QuerySelector<IHtmlInputElement>("#import-form input[name='CheckedSha256']")!.Value), "CheckedSha256" },
                { new ByteArrayContent(file), "ImportFile", "physicians.json" },
            }));
        }

        Assert.All(responses, r => Assert.Equal((HttpStatusCode.Redirect, "/Network/Import"), (r.StatusCode, r.Headers.Location!.OriginalString)));
        Assert.Equal(users + 2, await portal.QueryAsync(db => db.Users.CountAsync()));
        Assert.Single(await RecordsOfAsync(DemoAccounts.Staff));
    }

    [Fact]
    public async Task Keys_older_than_the_retention_period_are_deleted_by_the_next_post()
    {
        var userId = await portal.UserIdOfAsync(CaseLog.GatewayTrainee);
        var now = DateTimeOffset.UtcNow;
        var expired = new IdempotencyRecord(userId, Guid.NewGuid(), "/Cases/Create", new string('a', 64), "/Cases", now - IdempotentForms.KeptFor - TimeSpan.FromHours(1));
        var kept = new IdempotencyRecord(userId, Guid.NewGuid(), "/Cases/Create", new string('b', 64), "/Cases", now - IdempotentForms.KeptFor + TimeSpan.FromHours(1));
        await portal.QueryAsync(db =>
        {
            db.IdempotencyRecords.AddRange(expired, kept);
            return db.SaveChangesAsync();
        });
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var (form, values) = await CaseFormAsync(client);

        await client.SubmitAsync(form, "#case-form", values);

        var keys = (await RecordsOfAsync(CaseLog.GatewayTrainee)).Select(r => r.Key).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Contains(kept.Key, keys);
        Assert.DoesNotContain(expired.Key, keys);
    }

    /// <summary>The case form as CaseLog fills it: a valid Lu-177 dotatate case.</summary>
    private static async Task<(IHtmlDocument Form, Dictionary<string, string> Values)> CaseFormAsync(HttpClient client, string save = "Submit")
    {
        var form = await client.GetDocumentAsync("/Cases/Create");
        return (form, new Dictionary<string, string>
        {
            ["Input.SupervisorUserId"] = form.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!.Value!,
            ["Input.Agent"] = "Lu-177 dotatate (Lutathera)",
            ["Input.ActivityAmount"] = "7400",
            ["Input.ActivityUnit"] = "MBq",
            ["save"] = save,
        });
    }

    /// <summary>Starts every post at once and waits for all of them, like a burst of clicks.</summary>
    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(int count, Func<Task<HttpResponseMessage>> post)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = Enumerable.Range(0, count).Select(async _ =>
        {
            await start.Task;
            return await post();
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(posts);
    }

    private async Task<string> UrlOfAsync(string form) => form switch
    {
        "case" => "/Cases/Create",
        "classroom" => "/Training/AddClassroom",
        "work" => "/Training/AddWorkExperience",
        "licenses" => "/Profile/Licenses",
        "boards" => "/Profile/Boards",
        "physician listings" => "/Profile/Authorizations",
        "placement" => $"/Placements/Request?centerId={await portal.CenterIdAsync(Cascade)}",
        "preceptor listings" => "/Preceptor/Authorizations",
        "review" => $"/Reviews/Case/{await portal.DemoCaseAsync(CaseStatus.Submitted)}",
        "sign" => $"/Attestations/Sign/{await portal.QueryAsync(db => db.Trainees.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == ReadyPhysician)).Select(t => t.Id).SingleAsync())}",
        "withdraw" => $"/Attestations/Withdraw/{(await TestAttestations.SignAsync(portal.Services)).Id}",
        "packet" => $"/Network/Packets/Review/{(await TestAttestations.SignAsync(portal.Services)).Id}",
        "therapies" => await portal.PageUrlAsync("Therapies", CoordinationTestData.Gateway),
        "roster" => await portal.PageUrlAsync("Roster", CoordinationTestData.Gateway),
        "invite" => "/Admin/Invite",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    private Task<List<IdempotencyRecord>> RecordsOfAsync(string email) =>
        portal.QueryAsync(db => db.IdempotencyRecords.AsNoTracking().Where(r => db.Users.Any(u => u.Id == r.UserId && u.Email == email)).ToListAsync());

    private static Guid KeyOf(IHtmlDocument page, string form) =>
        Guid.Parse(page.QuerySelector<IHtmlInputElement>($"{form} {KeyField}")!.Value);

    private static string TokenOf(IHtmlDocument page, string form) =>
        page.QuerySelector<IHtmlInputElement>($"{form} input[name='__RequestVerificationToken']")!.Value;

    /// <summary>The demo preceptors' authenticator code <paramref name="secondsAhead"/> seconds from now.</summary>
    private static string Code(int secondsAhead) =>
        new Totp(Base32Encoding.ToBytes(DemoAccounts.PreceptorAuthenticatorKey)).ComputeTotp(DateTime.UtcNow.AddSeconds(secondsAhead));

    private static Dictionary<string, string> SignatureFields(string code) => new()
    {
        ["Input.Password"] = DemoAccounts.Password,
        ["Input.Code"] = code,
        ["Input.TimeZone"] = "America/Chicago",
        ["Input.Categories"] = "G3",
    };
}
