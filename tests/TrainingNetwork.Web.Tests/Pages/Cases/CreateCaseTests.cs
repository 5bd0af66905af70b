using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Cases;

public sealed class CreateCaseTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly string[] IdentifyingFieldWords = ["Name", "Birth", "Mrn", "Record", "Address", "Phone", "Email"];

    private const string IdentifyingNote = "MRN 00123456, DOB 3/14/1950, Mrs. Alvarez";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Draft_in_mbq_is_saved_with_the_exact_activity_and_catalogue_nuclide_and_route()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = await portal.CasesOfAsync(CaseLog.GatewayTrainee);

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.ActivityAmount"] = "7321.125" }, save: "Draft");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Cases", response.Headers.Location!.OriginalString);
        var after = await portal.CasesOfAsync(CaseLog.GatewayTrainee);
        Assert.Equal(before.Count + 1, after.Count);
        var saved = after[^1];
        Assert.Equal(7321.125m, saved.ActivityMbq);
        Assert.Equal(CaseStatus.Draft, saved.Status);
        Assert.Equal("Lu-177", saved.Nuclide);
        Assert.Equal(AdministrationRoute.Intravenous, saved.Route);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), saved.AdministeredOn);
        Assert.Null(saved.PatientToken);
        Assert.Equal([CaseEventKind.Logged], saved.History.Select(e => e.Kind));
    }

    [Theory]
    [InlineData("7.4", "GBq")]
    [InlineData("200", "MCi")]
    public async Task Activity_in_other_units_is_stored_in_mbq(string amount, string unit)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        await client.LogCaseAsync(new Dictionary<string, string> { ["Input.ActivityAmount"] = amount, ["Input.ActivityUnit"] = unit, ["Input.Note"] = "Cycle 2, tolerated well." });

        var saved = (await portal.CasesOfAsync(CaseLog.GatewayTrainee))[^1];
        Assert.Equal(7400m, saved.ActivityMbq);
        Assert.Equal("Cycle 2, tolerated well.", saved.Note);
    }

    [Fact]
    public async Task Save_and_submit_sends_the_case_to_the_preceptor_and_lists_it()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.Agent"] = "Y-90 microspheres (TheraSphere glass, SIR-Spheres resin)" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await portal.CasesOfAsync(CaseLog.GatewayTrainee))[^1];
        Assert.Equal(CaseStatus.Submitted, saved.Status);
        Assert.NotNull(saved.SubmittedAt);
        Assert.Equal("Y-90", saved.Nuclide);
        Assert.Equal(AdministrationRoute.IntraArterial, saved.Route);
        Assert.Equal([CaseEventKind.Logged, CaseEventKind.Submitted], saved.History.OrderBy(e => e.Kind.ToString()).Select(e => e.Kind));
        var index = await client.GetDocumentAsync("/Cases");
        Assert.Contains("submitted to your preceptor", index.QuerySelector(".alert-success")!.TextContent);
        Assert.Contains("Y-90 microspheres", index.QuerySelector("#cases tbody tr")!.TextContent);
    }

    [Fact]
    public async Task Save_and_log_another_opens_a_new_form_with_center_preceptor_agent_and_date_kept()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var preceptor2 = await portal.UserIdOfAsync("preceptor2.gateway@trainingnetwork.test");
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd");

        var response = await client.LogCaseAsync(
            new Dictionary<string, string>
            {
                ["Input.SupervisorUserId"] = preceptor2,
                ["Input.Agent"] = "Ra-223 dichloride (Xofigo)",
                ["Input.AdministeredOn"] = date,
                ["Input.ActivityAmount"] = "6.6",
                ["Input.ActivityUnit"] = "GBq",
            },
            save: "LogAnother");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await portal.CasesOfAsync(CaseLog.GatewayTrainee))[^1];
        Assert.Equal(CaseStatus.Draft, saved.Status);
        Assert.Equal(6600m, saved.ActivityMbq);
        var next = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Log the next one", next.QuerySelector(".alert-success")!.TextContent);
        Assert.Equal(preceptor2, next.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!.Value);
        Assert.Equal("Ra-223 dichloride (Xofigo)", next.QuerySelector<IHtmlSelectElement>("#Input_Agent")!.Value);
        Assert.Equal("GBq", next.QuerySelector<IHtmlSelectElement>("#Input_ActivityUnit")!.Value);
        Assert.Equal(date, next.QuerySelector<IHtmlInputElement>("#Input_AdministeredOn")!.Value);
        Assert.Equal("", next.QuerySelector<IHtmlInputElement>("#Input_ActivityAmount")!.Value);
        Assert.Contains("Gateway", next.QuerySelector("#case-form")!.TextContent);
    }

    [Theory]
    [InlineData("3,7", "Use a decimal point, not a comma")]
    [InlineData("1e400", "digits and a decimal point only")]
    [InlineData("-5", "digits and a decimal point only")]
    [InlineData("0", "Activity must be above zero.")]
    [InlineData("٣٫٧", "digits and a decimal point only")]
    [InlineData("", "Enter the activity.")]
    public async Task Activity_that_is_not_a_plain_positive_number_is_refused_and_nothing_is_saved(string amount, string message)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.ActivityAmount"] = amount });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, page.FieldError("Input.ActivityAmount"));
        Assert.Equal(amount, page.QuerySelector<IHtmlInputElement>("#Input_ActivityAmount")!.Value);
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Theory]
    [InlineData("Patient SSN 123-45-6789, cycle 1", "SSN")]
    [InlineData(IdentifyingNote, "MRN or record number, full date, date of birth, person's name with title")]
    public async Task Note_with_patient_identifiers_is_refused_naming_the_rules_and_nothing_is_saved(string note, string rules)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.Note"] = note });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(
            $"The note looks like it contains patient identifiers ({rules}). Remove them; TrainingNetwork stores no patient identifiers.",
            page.FieldError("Input.Note"));
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Fact]
    public async Task Refused_note_never_reaches_a_log_line()
    {
        var sink = new LogCapture();
        await using var logged = portal.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = logged.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(CaseLog.GatewayTrainee, DemoAccounts.Password);

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.Note"] = IdentifyingNote });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(sink.Lines);
        Assert.DoesNotContain(sink.Lines, line => line.Contains("00123456", StringComparison.Ordinal) || line.Contains("Alvarez", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pseudonym_is_stored_only_as_a_center_token_and_repeats_give_the_same_token()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        await client.LogCaseAsync(new Dictionary<string, string> { ["Input.PatientPseudonym"] = "pt-07" });
        await client.LogCaseAsync(new Dictionary<string, string> { ["Input.PatientPseudonym"] = "PT-07 " });

        var cases = await portal.CasesOfAsync(CaseLog.GatewayTrainee);
        var (first, second) = (cases[^2], cases[^1]);
        Assert.Matches("^[0-9a-f]{32}$", first.PatientToken);
        Assert.Equal(first.PatientToken, second.PatientToken);
        var key = portal.Services.GetRequiredService<PseudonymKey>();
        Assert.Equal(PatientPseudonym.Token("pt-07", first.CenterId, key.Bytes), first.PatientToken);

        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM cases c WHERE c::text ILIKE '%pt-07%'", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
        var details = await client.GetDocumentAsync($"/Cases/Details/{first.Id}");
        Assert.DoesNotContain("pt-07", details.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("as a token only", details.Body!.TextContent);
    }

    [Theory]
    [InlineData("MRN 12345678")]
    [InlineData("Mr. Smith")]
    [InlineData("3/14/1950")]
    public async Task Pseudonym_that_looks_like_an_identifier_is_refused(string pseudonym)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.PatientPseudonym"] = pseudonym });

        Assert.Contains("never a name, record number or date", (await HtmlForms.ParseAsync(response)).FieldError("Input.PatientPseudonym"));
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Fact]
    public async Task Supervisor_not_on_the_centers_roster_is_refused()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;
        var elsewhere = await portal.UserIdOfAsync("preceptor1.lakeshore@trainingnetwork.test");

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.SupervisorUserId"] = elsewhere });

        Assert.Equal("Choose a preceptor on this center's roster.", (await HtmlForms.ParseAsync(response)).FieldError("Input.SupervisorUserId"));
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Fact]
    public async Task Center_without_an_accepted_placement_is_refused()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;
        var lakeshore = await portal.QueryAsync(db => db.Centers.Where(c => c.Name.Contains("Lakeshore")).Select(c => c.Id).SingleAsync());

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.CenterId"] = lakeshore.ToString() });

        Assert.Contains("accepted your placement", (await HtmlForms.ParseAsync(response)).FieldError("Input.CenterId"));
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Theory]
    [InlineData(1, "The date cannot be in the future.")]
    [InlineData(-10_000, "Enter a date in 2000 or later.")]
    public async Task Date_in_the_future_or_before_2000_is_refused(int daysFromToday, string message)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd");

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.AdministeredOn"] = date });

        Assert.Equal(message, (await HtmlForms.ParseAsync(response)).FieldError("Input.AdministeredOn"));
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Fact]
    public async Task Posted_status_and_ids_are_ignored()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var forged = Guid.NewGuid();

        await client.LogCaseAsync(
            new Dictionary<string, string> { ["Input.Status"] = "Approved", ["Status"] = "Approved", ["Input.Id"] = forged.ToString(), ["Input.Version"] = "99" },
            save: "Draft");

        var saved = (await portal.CasesOfAsync(CaseLog.GatewayTrainee))[^1];
        Assert.Equal(CaseStatus.Draft, saved.Status);
        Assert.NotEqual(forged, saved.Id);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Physician_without_an_accepted_placement_sees_the_explanation_not_the_form()
    {
        var client = await portal.SignedInAsync(CaseLog.TraineeWithoutPlacement);

        var page = await client.GetDocumentAsync("/Cases/Create");

        Assert.Contains("You can log cases once a center accepts your placement", page.QuerySelector("#no-placement")!.TextContent);
        Assert.Equal("/Centers", page.QuerySelector("#no-placement a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#case-form"));
    }

    [Fact]
    public async Task Create_form_defaults_to_today_the_placement_center_and_both_checkboxes()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        var page = await client.GetDocumentAsync("/Cases/Create");

        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), page.QuerySelector<IHtmlInputElement>("#Input_AdministeredOn")!.Value);
        Assert.True(page.QuerySelector("#Input_AdministeredOn")!.HasAttribute("autofocus"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Input_WrittenDirectiveRequired")!.IsChecked);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Input_PersonalParticipation")!.IsChecked);
        Assert.Contains("Gateway", page.QuerySelector("#case-form")!.TextContent);
        Assert.NotEqual("", page.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!.Value);
        var fieldNames = page.QuerySelectorAll("#case-form input, #case-form textarea").Select(field => field.GetAttribute("name") ?? "").ToList();
        Assert.DoesNotContain(fieldNames, name => IdentifyingFieldWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }
}
