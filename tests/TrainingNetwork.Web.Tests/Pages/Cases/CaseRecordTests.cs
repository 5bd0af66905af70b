using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Cases;

/// <summary>The case list, a case's page and its edit form: only ever the physician's own cases.</summary>
public sealed class CaseRecordTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> CasePages => ["/Cases", "/Cases/Create", $"/Cases/Details/{Guid.Empty}", $"/Cases/Edit/{Guid.Empty}"];

    [Theory]
    [MemberData(nameof(CasePages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(CasePages))]
    public async Task Preceptor_is_refused(string path)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Index_lists_own_cases_newest_first_with_counts_and_a_status_filter()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        var page = await client.GetDocumentAsync("/Cases");

        var dates = page.QuerySelectorAll("#cases tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(3, dates.Count);
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.All(page.QuerySelectorAll("#cases tbody tr"), row => Assert.Contains("Gateway", row.TextContent));
        Assert.Contains("Draft 1", Normalised(page.QuerySelector("nav[aria-label='Filter cases by status']")!.TextContent));
        Assert.Contains("Submitted 2", Normalised(page.QuerySelector("nav[aria-label='Filter cases by status']")!.TextContent));
        Assert.NotNull(page.QuerySelector("a.btn-primary[href='/Cases/Create']"));

        var drafts = await client.GetDocumentAsync("/Cases?status=Draft");

        var draft = Assert.Single(drafts.QuerySelectorAll("#cases tbody tr"));
        Assert.Equal("Draft", draft.QuerySelector(".case-status")!.TextContent);
    }

    [Fact]
    public async Task Index_shows_the_returned_note_of_a_returned_case()
    {
        var submitted = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).First(c => c.Status == CaseStatus.Submitted);
        await portal.QueryAsync(async db =>
        {
            var tracked = await db.Cases.SingleAsync(c => c.Id == submitted.Id);
            tracked.Return(tracked.SupervisorUserId, "Please add the cycle number.", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        var page = await client.GetDocumentAsync("/Cases?status=Returned");

        Assert.Contains("Please add the cycle number.", Assert.Single(page.QuerySelectorAll("#cases tbody tr")).QuerySelector(".returned-note")!.TextContent);
    }

    [Fact]
    public async Task Physician_with_no_cases_sees_an_empty_state()
    {
        var client = await portal.SignedInAsync(CaseLog.TraineeWithoutPlacement);

        var page = await client.GetDocumentAsync("/Cases");

        Assert.Contains("No cases logged yet.", page.QuerySelector(".empty-state")!.TextContent);
        Assert.Null(page.QuerySelector("#cases"));
    }

    [Fact]
    public async Task Details_shows_what_was_logged_and_the_history_and_submits_a_draft()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var draft = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Single(c => c.Status == CaseStatus.Draft);

        var page = await client.GetDocumentAsync($"/Cases/Details/{draft.Id}");

        Assert.Contains("7,400 MBq", page.Body!.TextContent);
        Assert.Contains("Lu-177, intravenous", page.Body!.TextContent);
        Assert.Equal("Logged", Assert.Single(page.QuerySelectorAll("#history tbody tr")).Children[2].TextContent);
        var response = await client.SubmitAsync(page, "form[action*='handler=Submit']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var submitted = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Single(c => c.Id == draft.Id);
        Assert.Equal(CaseStatus.Submitted, submitted.Status);
        var after = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(["Logged", "Submitted for review"], after.QuerySelectorAll("#history tbody tr").Select(row => row.Children[2].TextContent));
        Assert.Null(after.QuerySelector("form[action*='handler=Submit']"));
    }

    [Fact]
    public async Task Another_physicians_case_is_not_found_and_stays_unchanged()
    {
        var theirs = (await portal.CasesOfAsync(CaseLog.OtherTrainee)).First(c => c.Status == CaseStatus.Draft);
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var ownForm = await client.GetDocumentAsync("/Cases/Create");
        var token = ownForm.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cases/Details/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Cases/Edit/{theirs.Id}")).StatusCode);
        var edit = await client.PostAsync($"/Cases/Edit/{theirs.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.ActivityAmount"] = "1",
            ["Input.Version"] = theirs.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        var submit = await client.PostAsync($"/Cases/Details/{theirs.Id}?handler=Submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        var unchanged = (await portal.CasesOfAsync(CaseLog.OtherTrainee)).Single(c => c.Id == theirs.Id);
        Assert.Equal((theirs.Version, theirs.ActivityMbq, theirs.Status), (unchanged.Version, unchanged.ActivityMbq, unchanged.Status));
    }

    [Fact]
    public async Task Editing_an_approved_case_warns_and_sends_it_back_for_a_new_sign_off()
    {
        var approved = (await portal.CasesOfAsync(CaseLog.TraineeWithApprovedCases)).First(c => c.Status == CaseStatus.Approved);
        var client = await portal.SignedInAsync(CaseLog.TraineeWithApprovedCases);
        var form = await client.GetDocumentAsync($"/Cases/Edit/{approved.Id}");
        Assert.Contains("Saving sends it back to your preceptor for a new sign-off", form.QuerySelector("#approved-warning")!.TextContent);

        var response = await client.SubmitAsync(form, "#case-form", EditValues(form, "7.2", "GBq"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edited = (await portal.CasesOfAsync(CaseLog.TraineeWithApprovedCases)).Single(c => c.Id == approved.Id);
        Assert.Equal(CaseStatus.Submitted, edited.Status);
        Assert.Equal(7200m, edited.ActivityMbq);
        Assert.Equal(approved.PatientToken, edited.PatientToken);
        Assert.Contains(edited.History, e => e.Kind == CaseEventKind.Edited);
        Assert.Contains(edited.History, e => e.Kind == CaseEventKind.Submitted && e.Note == "Edited after approval: needs a new sign-off.");
    }

    [Fact]
    public async Task Stale_edit_shows_the_concurrency_message_and_saves_nothing()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var draft = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Single(c => c.Status == CaseStatus.Draft);
        var staleForm = await client.GetDocumentAsync($"/Cases/Edit/{draft.Id}");
        var freshForm = await client.GetDocumentAsync($"/Cases/Edit/{draft.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(freshForm, "#case-form", EditValues(freshForm, "7000", "MBq"))).StatusCode);

        var response = await client.SubmitAsync(staleForm, "#case-form", EditValues(staleForm, "5000", "MBq"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This case changed since you opened it", (await HtmlForms.ParseAsync(response)).QuerySelector(".alert-danger")!.TextContent);
        var current = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Single(c => c.Id == draft.Id);
        Assert.Equal(7000m, current.ActivityMbq);
        Assert.Equal(draft.Version + 1, current.Version);
        Assert.Single(current.History, e => e.Kind == CaseEventKind.Edited);
    }

    [Fact]
    public async Task Edit_with_bad_activity_is_refused_and_nothing_is_saved()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var draft = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Single(c => c.Status == CaseStatus.Draft);
        var form = await client.GetDocumentAsync($"/Cases/Edit/{draft.Id}");

        var response = await client.SubmitAsync(form, "#case-form", EditValues(form, "3,7", "GBq"));

        Assert.Contains("Use a decimal point", (await HtmlForms.ParseAsync(response)).FieldError("Input.ActivityAmount"));
        var current = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Single(c => c.Id == draft.Id);
        Assert.Equal((draft.Version, draft.ActivityMbq), (current.Version, current.ActivityMbq));
    }

    [Fact]
    public async Task Cases_table_holds_only_reviewed_columns()
    {
        // A new column could hold a patient identifier: it fails here until someone has reviewed it and added it.
        string[] reviewed =
        [
            "activity_mbq", "administered_on", "center_id", "created_at", "id", "note", "nuclide", "patient_token",
            "personal_participation", "radiopharmaceutical", "return_note", "reviewed_at", "route", "status", "submitted_at",
            "supervisor_user_id", "trainee_id", "version", "written_directive_required",
        ];
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'cases' ORDER BY column_name", connection);
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        Assert.Equal(reviewed, columns);
    }

    private static Dictionary<string, string> EditValues(IHtmlDocument form, string amount, string unit) => new()
    {
        ["Input.SupervisorUserId"] = form.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!.Value!,
        ["Input.Agent"] = form.QuerySelector<IHtmlSelectElement>("#Input_Agent")!.Value!,
        ["Input.ActivityAmount"] = amount,
        ["Input.ActivityUnit"] = unit,
        ["Input.WrittenDirectiveRequired"] = "true",
        ["Input.PersonalParticipation"] = "true",
    };

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
