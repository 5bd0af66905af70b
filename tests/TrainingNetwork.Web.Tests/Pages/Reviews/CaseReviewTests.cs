using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Reviews;

public sealed class CaseReviewTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Case_page_shows_the_case_and_the_engines_answer_without_identifiers()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");

        var facts = page.QuerySelector("#case-facts")!.TextContent;
        Assert.Contains("Lu-177, intravenous", facts);
        Assert.Contains("7,400 MBq", facts);
        Assert.Contains(ReviewData.Gateway, facts);
        Assert.DoesNotContain("pseudonym", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("G3", page.QuerySelector("#derived-category")!.TextContent);
        var administeredOn = (await portal.CaseAsync(id)).AdministeredOn;
        Assert.Equal(
            $"You were listed as an Authorized User for this category on {administeredOn:yyyy-MM-dd}.",
            page.QuerySelector("#supervisor-ok")!.TextContent.Trim());
        Assert.Contains("10 CFR 35.390, G1, G2, G3", page.QuerySelector("#engine-listings")!.TextContent);
        Assert.Equal(["Logged", "Submitted for review"], page.QuerySelectorAll("#history tbody tr").Select(row => row.Children[2].TextContent));
        Assert.NotNull(page.QuerySelector("#approve-form"));
        Assert.NotNull(page.QuerySelector("#return-form"));
    }

    [Fact]
    public async Task Case_dated_before_the_preceptors_listing_shows_the_engines_supervisor_finding()
    {
        var preceptor = await portal.UserIdAsync(ReviewData.Preceptor);
        var listedFrom = await portal.WithDbAsync(db => db.PracticeAuthorizations.Where(a => a.UserId == preceptor).Select(a => a.ListedFrom).SingleAsync());
        var id = await portal.AddSubmittedCaseAsync(await portal.UserIdAsync(ReviewData.Physician), preceptor, ReviewData.Gateway, listedFrom.AddDays(-30));
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");

        var finding = page.QuerySelector("#engine-answer li[data-code='SUPERVISOR_NOT_AU_ON_DATE']")!;
        Assert.Contains("Supervisor was not listed on the case date", finding.TextContent);
        Assert.Contains("Dr. Alice Lee was not listed as an AU", finding.TextContent);
        Assert.DoesNotContain(preceptor, finding.TextContent);
        Assert.Contains("10 CFR 35.", finding.TextContent);
        Assert.Null(page.QuerySelector("#supervisor-ok"));
    }

    [Fact]
    public async Task Approving_signs_the_case_off_and_goes_back_to_the_queue()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");

        var response = await client.SubmitAsync(page, "#approve-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Reviews", response.Headers.Location!.OriginalString);
        var approved = await portal.CaseAsync(id);
        Assert.Equal(CaseStatus.Approved, approved.Status);
        var decision = Assert.Single(approved.History, e => e.Kind == CaseEventKind.Approved);
        Assert.Equal(await portal.UserIdAsync(ReviewData.Preceptor), decision.ActorUserId);
    }

    [Fact]
    public async Task Approve_and_open_next_opens_the_next_waiting_case_then_the_queue()
    {
        var first = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var second = await portal.SubmitDemoDraftAsync();
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        var afterFirst = await ApproveAndOpenNextAsync(client, first);

        Assert.Equal($"/Reviews/Case/{second}", afterFirst.Headers.Location!.OriginalString);
        var afterSecond = await ApproveAndOpenNextAsync(client, second);
        Assert.Equal("/Reviews", afterSecond.Headers.Location!.OriginalString);
        Assert.Equal(CaseStatus.Approved, (await portal.CaseAsync(first)).Status);
        Assert.Equal(CaseStatus.Approved, (await portal.CaseAsync(second)).Status);
        var queue = await client.GetDocumentAsync("/Reviews");
        Assert.NotNull(queue.QuerySelector(".empty-state"));
    }

    [Theory]
    [InlineData("  ", "Write a note telling the physician what to change.")]
    [InlineData("Please check the dose for Mrs. Alvarez, DOB 3/14/1950.", "looks like it contains patient identifiers")]
    public async Task Returning_without_a_usable_note_is_refused_and_nothing_changes(string note, string message)
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var before = await portal.CaseAsync(id);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");

        var response = await client.SubmitAsync(page, "#return-form", new Dictionary<string, string> { ["Input.Note"] = note });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Note']")!.TextContent);
        var after = await portal.CaseAsync(id);
        Assert.Equal((CaseStatus.Submitted, before.Version, null), (after.Status, after.Version, after.ReturnNote));
    }

    [Fact]
    public async Task Return_note_over_2000_characters_is_refused()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");

        var response = await client.SubmitAsync(page, "#return-form", new Dictionary<string, string> { ["Input.Note"] = new string('a', 2001) });

        Assert.Contains("Use at most 2000 characters.", (await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Note']")!.TextContent);
        Assert.Equal(CaseStatus.Submitted, (await portal.CaseAsync(id)).Status);
    }

    [Fact]
    public async Task Returned_case_is_corrected_and_resubmitted_by_the_physician_then_approved()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var preceptor = await portal.SignedInAsync(ReviewData.Preceptor);
        var review = await preceptor.GetDocumentAsync($"/Reviews/Case/{id}");
        var returned = await preceptor.SubmitAsync(review, "#return-form", new Dictionary<string, string> { ["Input.Note"] = "The activity looks like 7.4 GBq, please check the unit." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(("The activity looks like 7.4 GBq, please check the unit.", CaseStatus.Returned), ((await portal.CaseAsync(id)).ReturnNote, (await portal.CaseAsync(id)).Status));

        var physician = await portal.SignedInAsync(ReviewData.Physician);
        var cases = await physician.GetDocumentAsync("/Cases?status=Returned");
        Assert.Contains("please check the unit", cases.QuerySelector(".returned-note")!.TextContent);
        var edit = await physician.GetDocumentAsync($"/Cases/Edit/{id}");
        var saved = await physician.SubmitAsync(edit, "#case-form", new Dictionary<string, string>
        {
            ["Input.SupervisorUserId"] = edit.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!.Value!,
            ["Input.Agent"] = edit.QuerySelector<IHtmlSelectElement>("#Input_Agent")!.Value!,
            ["Input.ActivityAmount"] = "7.2",
            ["Input.ActivityUnit"] = "GBq",
            ["Input.WrittenDirectiveRequired"] = "true",
            ["Input.PersonalParticipation"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await physician.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await physician.SubmitAsync(details, "form[action*='handler=Submit']", new Dictionary<string, string>())).StatusCode);

        var again = await preceptor.GetDocumentAsync($"/Reviews/Case/{id}");
        Assert.Contains("7,200 MBq", again.QuerySelector("#case-facts")!.TextContent);
        var approved = await preceptor.SubmitAsync(again, "#approve-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var final = await portal.CaseAsync(id);
        Assert.Equal((CaseStatus.Approved, 7200m, null), (final.Status, final.ActivityMbq, final.ReturnNote));
        Assert.Equal(
            [CaseEventKind.Returned, CaseEventKind.Edited, CaseEventKind.Submitted, CaseEventKind.Approved],
            final.History.OrderBy(e => e.At).ThenBy(e => e.Kind).Select(e => e.Kind).SkipWhile(k => k != CaseEventKind.Returned));
    }

    [Theory]
    [InlineData("preceptor1.lakeshore@trainingnetwork.test")]
    [InlineData("preceptor2.gateway@trainingnetwork.test")]
    public async Task Preceptor_who_did_not_supervise_it_at_their_center_gets_404_and_nothing_changes(string email)
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var before = await portal.CaseAsync(id);
        var client = await portal.SignedInAsync(email);

        var page = await client.GetAsync($"/Reviews/Case/{id}");
        var post = await PostDecisionAsync(client, id, "Approve", before.Version);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal((CaseStatus.Submitted, before.Version), ((await portal.CaseAsync(id)).Status, (await portal.CaseAsync(id)).Version));
    }

    [Fact]
    public async Task Supervisor_whose_center_roster_does_not_list_them_gets_404()
    {
        var preceptor = await portal.UserIdAsync(ReviewData.Preceptor);
        var id = await portal.AddSubmittedCaseAsync(await portal.UserIdAsync(ReviewData.Physician), preceptor, ReviewData.Lakeshore, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reviews/Case/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostDecisionAsync(client, id, "Approve", 2)).StatusCode);
        Assert.Equal(CaseStatus.Submitted, (await portal.CaseAsync(id)).Status);
    }

    [Fact]
    public async Task Physician_cannot_post_a_decision()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Physician);

        var response = await PostDecisionAsync(client, id, "Approve", (await portal.CaseAsync(id)).Version, tokenPage: "/Cases");

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        Assert.Equal(CaseStatus.Submitted, (await portal.CaseAsync(id)).Status);
    }

    [Fact]
    public async Task Unverified_preceptor_is_refused_with_the_reason_and_nothing_changes()
    {
        var (email, id) = await portal.AddUnverifiedPreceptorAsync();
        var client = await portal.SignedInAsync(email);

        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");
        var post = await PostDecisionAsync(client, id, "Approve", (await portal.CaseAsync(id)).Version);

        Assert.Contains("You cannot review this case yet: network staff have not verified", page.QuerySelector("#refusal")!.TextContent);
        Assert.NotNull(page.QuerySelector("#refusal a[href='/Preceptor/Authorizations']"));
        Assert.Null(page.QuerySelector("#decide"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("You cannot review this case yet", (await HtmlForms.ParseAsync(post)).QuerySelector("#refusal")!.TextContent);
        var after = await portal.CaseAsync(id);
        Assert.Equal(CaseStatus.Submitted, after.Status);
        Assert.DoesNotContain(after.History, e => e.Kind == CaseEventKind.Approved);
    }

    [Fact]
    public async Task Preceptor_never_reviews_their_own_case()
    {
        var preceptor = await portal.UserIdAsync(ReviewData.Preceptor);
        await portal.WithDbAsync(db =>
        {
            db.Trainees.Add(new TraineeProfile(Guid.CreateVersion7(), preceptor, "Nuclear medicine", "MO", Pathway.Section396));
            return db.SaveChangesAsync();
        });
        var own = await portal.AddSubmittedCaseAsync(preceptor, preceptor, ReviewData.Gateway, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-4));
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        var queue = await client.GetDocumentAsync("/Reviews");
        var page = await client.GetDocumentAsync($"/Reviews/Case/{own}");
        var post = await PostDecisionAsync(client, own, "Approve", (await portal.CaseAsync(own)).Version);

        Assert.DoesNotContain(queue.QuerySelectorAll("#queue tbody tr"), row => row.GetAttribute("data-case") == own.ToString());
        Assert.Contains("This is your own case", page.QuerySelector("#refusal")!.TextContent);
        Assert.Null(page.QuerySelector("#decide"));
        Assert.Contains("This is your own case", (await HtmlForms.ParseAsync(post)).QuerySelector("#refusal")!.TextContent);
        Assert.Equal(CaseStatus.Submitted, (await portal.CaseAsync(own)).Status);
    }

    [Fact]
    public async Task Two_tabs_approving_one_case_save_one_decision_and_the_second_is_told_who_decided()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var first = await portal.SignedInAsync(ReviewData.Preceptor);
        var second = await portal.SignedInAsync(ReviewData.Preceptor);
        var firstPage = await first.GetDocumentAsync($"/Reviews/Case/{id}");
        var secondPage = await second.GetDocumentAsync($"/Reviews/Case/{id}");

        var won = await first.SubmitAsync(firstPage, "#approve-form", new Dictionary<string, string>());
        var lost = await second.SubmitAsync(secondPage, "#return-form", new Dictionary<string, string> { ["Input.Note"] = "Please add the cycle number." });

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var decided = Assert.Single((await portal.CaseAsync(id)).History, e => e.Kind is CaseEventKind.Approved or CaseEventKind.Returned);
        Assert.Equal(CaseEventKind.Approved, decided.Kind);
        Assert.Equal(
            $"This case was already approved by Dr. Alice Lee at {decided.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
            (await HtmlForms.ParseAsync(lost)).QuerySelector("#refusal p")!.TextContent);
    }

    [Fact]
    public async Task Simultaneous_approvals_save_exactly_one()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => portal.SignedInAsync(ReviewData.Preceptor)));
        var pages = await Task.WhenAll(clients.Select(c => c.GetDocumentAsync($"/Reviews/Case/{id}")));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.SubmitAsync(pages[i], "#approve-form", new Dictionary<string, string>())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.StartsWith("This case was already approved by Dr. Alice Lee", (await HtmlForms.ParseAsync(lost)).QuerySelector("#refusal p")!.TextContent);
        }

        Assert.Single((await portal.CaseAsync(id)).History, e => e.Kind == CaseEventKind.Approved);
    }

    [Fact]
    public async Task Approved_case_is_locked()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");
        await client.SubmitAsync(page, "#approve-form", new Dictionary<string, string>());
        var approved = await portal.CaseAsync(id);

        var locked = await client.GetDocumentAsync($"/Reviews/Case/{id}");
        var returned = await PostDecisionAsync(client, id, "Return", approved.Version, note: "Changed my mind.");

        Assert.Null(locked.QuerySelector("#decide"));
        Assert.Contains("An approved case is locked.", locked.QuerySelector("#refusal")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var after = await portal.CaseAsync(id);
        Assert.Equal((CaseStatus.Approved, approved.Version, null), (after.Status, after.Version, after.ReturnNote));
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        var response = await client.PostAsync($"/Reviews/Case/{id}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Version"] = "2" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CaseStatus.Submitted, (await portal.CaseAsync(id)).Status);
    }

    private static async Task<HttpResponseMessage> ApproveAndOpenNextAsync(HttpClient client, Guid id)
    {
        var page = await client.GetDocumentAsync($"/Reviews/Case/{id}");
        var button = page.QuerySelector<IHtmlButtonElement>("#approve-form button[formaction*='handler=ApproveNext']")!;
        Assert.Equal("Approve and open next", button.TextContent);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("#approve-form input[name='__RequestVerificationToken']")!.Value,
            ["Input.Version"] = page.QuerySelector<IHtmlInputElement>("#approve-form input[name='Input.Version']")!.Value,
            ["IdempotencyKey"] = page.QuerySelector<IHtmlInputElement>("#approve-form input[name='IdempotencyKey']")!.Value,
        };
        var response = await client.PostAsync(button.GetAttribute("formaction"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>
    /// Posts a decision straight to the handler, with an antiforgery token from a page this person can open and the
    /// idempotency key of a newly opened form.
    /// </summary>
    private static async Task<HttpResponseMessage> PostDecisionAsync(
        HttpClient client, Guid id, string handler, long version, string? note = null, string tokenPage = "/Reviews")
    {
        var page = await client.GetDocumentAsync(tokenPage);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value,
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = note ?? "",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        };
        return await client.PostAsync($"/Reviews/Case/{id}?handler={handler}", new FormUrlEncodedContent(fields));
    }
}
