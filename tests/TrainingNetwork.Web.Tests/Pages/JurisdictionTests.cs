using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Training;
using CaseLog = TrainingNetwork.Web.Tests.Pages.Cases.CaseLog;

namespace TrainingNetwork.Web.Tests.Pages;

/// <summary>
/// Jurisdictions as administered data (issue 8, item 5): Admin keeps each state's rows, staff override a physician's rule
/// set, a physician names their licensee's state, and each of these changes what the engine says about the physicians concerned.
/// The demo physician trainee14 practises in Michigan (NRC, NRC-2019 since 2019-01-14), as do trainee06 and trainee22.
/// </summary>
public sealed class JurisdictionTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Michigan = "MI";

    public static TheoryData<string> AdminPages => ["/Admin/Jurisdictions", "/Admin/Jurisdiction/MI"];

    private DateOnly Today => portal.Services.GetRequiredService<TimeProvider>().Today();

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Only_admins_reach_the_jurisdiction_pages(string path)
    {
        Assert.Equal("/Identity/Account/Login", (await portal.CreateBrowserLikeClient().GetAsync(path)).Headers.Location!.AbsolutePath);
        foreach (var account in new[] { DemoAccounts.Staff, DemoAccounts.Coordinator, DemoAccounts.Trainee })
        {
            var response = await (await portal.SignedInAsync(account)).GetAsync(path);
            Assert.Equal("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }

        Assert.Equal(HttpStatusCode.OK, (await (await portal.SignedInAsync(DemoAccounts.Admin)).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Table_shows_each_state_with_its_regulator_and_rule_set_in_force_today()
    {
        var page = await (await portal.SignedInAsync(DemoAccounts.Admin)).GetDocumentAsync("/Admin/Jurisdictions");

        Assert.Equal(JurisdictionSeed.Rows(Guid.NewGuid).Select(r => r.State).Distinct().Count(), page.QuerySelectorAll("#jurisdictions tbody tr").Length);
        Assert.Equal(["NRC", "NRC-2019", "2019-01-14"], Cells(page, Michigan));
        Assert.Equal(["Agreement State", "NRC-2019", "2025-09-30"], Cells(page, "CT"));
        Assert.Equal("/Admin/Jurisdiction/MI", page.QuerySelector("tr[data-state='MI'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Unknown_state_is_not_found()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Jurisdiction/ZZ")).StatusCode);
    }

    [Fact]
    public async Task Migrated_database_holds_the_domain_seed()
    {
        // A fresh database with the migrations only: the test database itself is re-seeded from the domain by every reset.
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetConnectionString(connectionString);
            await db.Database.MigrateAsync();

            var stored = await db.JurisdictionRules.AsNoTracking().ToListAsync();

            Assert.Equal(Comparable(JurisdictionSeed.Rows(Guid.NewGuid)), Comparable(stored));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Legacy_row_changes_the_answer_for_the_states_physicians_only_and_removing_it_restores_it()
    {
        var baseline = await EvaluateEveryoneAsync();
        var michigan = await LicensedInAsync(Michigan);
        Assert.Equal(3, michigan.Count);
        Assert.All(michigan, id => Assert.Equal((RuleSet.Nrc2019, "G3"), (baseline[id].RuleSet, Categories(baseline[id]))));
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        var added = await admin.SubmitAsync(await admin.GetDocumentAsync("/Admin/Jurisdiction/MI"), "form#add-rule", NewRow(Today.ToString("yyyy-MM-dd")));

        Assert.Equal("/Admin/Jurisdiction/MI", added.Headers.Location?.OriginalString);
        var page = await admin.GetDocumentAsync("/Admin/Jurisdiction/MI");
        Assert.Equal($"Added: from {Today:yyyy-MM-dd} MI is regulated by the NRC under LEGACY-2005. 3 physicians licensed there were re-evaluated.", Status(page));
        Assert.Contains("under LEGACY-2005", page.QuerySelector("#in-force")!.TextContent, StringComparison.Ordinal);
        var legacy = await SummariesAsync();
        Assert.All(michigan, id => Assert.Equal((RuleSet.Legacy2005, "L3 L4"), (legacy[id].RuleSet, Categories(legacy[id]))));
        Assert.All(legacy.Keys.Except(michigan), id => Assert.Equal(baseline[id], legacy[id]));
        Assert.Equal(["L3", "L4"], await ProgressCategoriesAsync());
        var rule = await portal.QueryAsync(db => db.JurisdictionRules.AsNoTracking().SingleAsync(r => r.State == Michigan && r.EffectiveFrom == Today));
        var addition = Assert.Single(await AuditAsync(AuditAction.JurisdictionRuleAdded));
        Assert.Equal(("jurisdiction_rule", rule.Id.ToString(), await portal.UserIdAsync(DemoAccounts.Admin), null, HashOf(AuditSnapshots.Of(rule))),
            (addition.SubjectType, addition.SubjectId, addition.ActorUserId, addition.BeforeSha256, addition.AfterSha256));

        var removed = await admin.SubmitAsync(page, $"tr[data-rule='{rule.Id}'] form", new Dictionary<string, string>());

        Assert.Equal("/Admin/Jurisdiction/MI", removed.Headers.Location?.OriginalString);
        Assert.Equal($"Removed: from {Today:yyyy-MM-dd} MI is regulated by the NRC under LEGACY-2005. 3 physicians licensed there were re-evaluated.",
            Status(await admin.GetDocumentAsync("/Admin/Jurisdiction/MI")));
        Assert.Equal(baseline, await SummariesAsync());
        Assert.Equal(["G3"], await ProgressCategoriesAsync());
        var removal = Assert.Single(await AuditAsync(AuditAction.JurisdictionRuleRemoved));
        Assert.Equal((rule.Id.ToString(), HashOf(AuditSnapshots.Of(rule)), null), (removal.SubjectId, removal.BeforeSha256, removal.AfterSha256));
    }

    [Theory]
    [InlineData("", "NRC", "LEGACY-2005", "Input.Note", "Write a note: where this comes from (a Federal Register notice, a state rule) or why you enter it.")]
    [InlineData("<script>alert(1)</script>", "NRC", "LEGACY-2005", "Input.Note", "Remove angle-bracket markup such as <script>.")]
    [InlineData("Federal Register notice.", "", "LEGACY-2005", "Input.Regulator", "Choose NRC or Agreement State.")]
    [InlineData("Federal Register notice.", "NRC", "LEGACY-1990", "Input.RuleSet", "Choose NRC-2019 or LEGACY-2005.")]
    public async Task Row_without_a_note_or_a_known_choice_is_refused_and_nothing_is_saved(string note, string regulator, string ruleSet, string field, string message)
    {
        var values = NewRow(Today.ToString("yyyy-MM-dd"));
        (values["Input.Note"], values["Input.Regulator"], values["Input.RuleSet"]) = (note, regulator, ruleSet);

        await AssertRefusedAsync(values, field, message);
    }

    [Theory]
    [InlineData("2026-02-30", "The value '2026-02-30' is not valid for Effective from.")]
    [InlineData("", "Enter the date from which the row applies.")]
    [InlineData("1950-01-01", "Enter a date from 1962-01-01 to ")]
    [InlineData("2019-01-14", "MI already has a row from 2019-01-14. Choose another date, or remove that row first to replace it.")]
    public async Task Row_with_a_bad_or_duplicate_date_is_refused_and_nothing_is_saved(string date, string message)
    {
        await AssertRefusedAsync(NewRow(date), "Input.EffectiveFrom", message);
    }

    [Fact]
    public async Task The_last_row_of_a_state_cannot_be_removed()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var rows = await RowsAsync(Michigan);
        var page = await admin.GetDocumentAsync("/Admin/Jurisdiction/MI");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, $"tr[data-rule='{rows[0].Id}'] form", new Dictionary<string, string>())).StatusCode);
        page = await admin.GetDocumentAsync("/Admin/Jurisdiction/MI");
        Assert.Null(page.QuerySelector("#rules form"));

        var response = await admin.PostWithTokenAsync(page, "/Admin/Jurisdiction/MI?handler=Remove", new Dictionary<string, string> { ["ruleId"] = rows[1].Id.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("MI keeps at least one row", (await HtmlForms.ParseAsync(response)).QuerySelector(".validation-summary-errors li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([rows[1].Id], (await RowsAsync(Michigan)).Select(r => r.Id));
        Assert.Single(await AuditAsync(AuditAction.JurisdictionRuleRemoved));
    }

    [Fact]
    public async Task Removing_a_row_of_another_state_is_not_found()
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var ohio = (await RowsAsync("OH"))[0];

        var response = await admin.PostWithTokenAsync(await admin.GetDocumentAsync("/Admin/Jurisdiction/MI"), "/Admin/Jurisdiction/MI?handler=Remove",
            new Dictionary<string, string> { ["ruleId"] = ohio.Id.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, (await RowsAsync("OH")).Count);
    }

    [Fact]
    public async Task Staff_override_changes_the_answer_with_its_justification_and_clearing_it_restores_the_answer()
    {
        var baseline = await EvaluateEveryoneAsync();
        var traineeId = await portal.TraineeIdAsync(DemoAccounts.Trainee);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var page = await staff.GetDocumentAsync($"/Network/RuleSet/{traineeId}");
        Assert.Equal("NRC-2019", page.QuerySelector("#rule-set")!.TextContent);
        Assert.Null(page.QuerySelector("#clear-form"));
        const string justification = "Listed on a license whose amendment was filed under the 2005 text (test).";

        var overridden = await staff.SubmitAsync(page, "#override-form", new Dictionary<string, string>
        {
            ["Input.RuleSet"] = "LEGACY-2005",
            ["Input.Justification"] = justification,
        });

        Assert.Equal($"/Network/RuleSet/{traineeId}", overridden.Headers.Location?.OriginalString);
        page = await staff.GetDocumentAsync($"/Network/RuleSet/{traineeId}");
        Assert.Equal(("LEGACY-2005", $"Justification: {justification}"), (page.QuerySelector("#rule-set")!.TextContent, page.QuerySelector("#justification")!.TextContent));
        var profile = await portal.QueryAsync(db => db.Trainees.AsNoTracking().SingleAsync(t => t.Id == traineeId));
        Assert.Equal((RuleSet.Legacy2005, justification), (profile.RuleSetOverride, profile.RuleSetOverrideJustification));
        var summaries = await SummariesAsync();
        Assert.Equal((RuleSet.Legacy2005, "L3 L4"), (summaries[traineeId].RuleSet, Categories(summaries[traineeId])));
        Assert.All(summaries.Keys.Where(id => id != traineeId), id => Assert.Equal(baseline[id], summaries[id]));
        Assert.Equal(["L3", "L4"], await ProgressCategoriesAsync());
        var own = await (await portal.SignedInAsync(DemoAccounts.Trainee)).GetDocumentAsync("/Profile");
        Assert.Equal(("LEGACY-2005", $"Their justification: {justification}"), (own.QuerySelector("#rule-set")!.TextContent, own.QuerySelector("#justification")!.TextContent));
        var entry = Assert.Single(await AuditAsync(AuditAction.RuleSetOverridden));
        Assert.Equal(("trainee_profile", traineeId.ToString(), await portal.UserIdAsync(DemoAccounts.Staff), HashOf(AuditSnapshots.Of(profile))),
            (entry.SubjectType, entry.SubjectId, entry.ActorUserId, entry.AfterSha256));

        var cleared = await staff.SubmitAsync(page, "#clear-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        profile = await portal.QueryAsync(db => db.Trainees.AsNoTracking().SingleAsync(t => t.Id == traineeId));
        Assert.Equal((null, null), (profile.RuleSetOverride, profile.RuleSetOverrideJustification));
        Assert.Equal(baseline, await SummariesAsync());
        Assert.Equal(2, (await AuditAsync(AuditAction.RuleSetOverridden)).Count);
    }

    [Theory]
    [InlineData("LEGACY-2005", "", "Input.Justification", "Write the justification: why this physician is judged under another rule set. They read it on their profile.")]
    [InlineData("LEGACY-2005", "Because.\u200B", "Input.Justification", "Justification contains characters that are not allowed. Remove invalid or invisible characters.")]
    [InlineData("", "A reason.", "Input.RuleSet", "Choose NRC-2019 or LEGACY-2005.")]
    public async Task Override_without_a_justification_or_a_rule_set_is_refused_and_nothing_is_saved(string ruleSet, string justification, string field, string message)
    {
        var traineeId = await portal.TraineeIdAsync(DemoAccounts.Trainee);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var response = await staff.SubmitAsync(await staff.GetDocumentAsync($"/Network/RuleSet/{traineeId}"), "#override-form", new Dictionary<string, string>
        {
            ["Input.RuleSet"] = ruleSet,
            ["Input.Justification"] = justification,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, CaseLog.FieldError(await HtmlForms.ParseAsync(response), field));
        Assert.Null(await portal.QueryAsync(db => db.Trainees.Where(t => t.Id == traineeId).Select(t => t.RuleSetOverride).SingleAsync()));
        Assert.Empty(await AuditAsync(AuditAction.RuleSetOverridden));
    }

    [Fact]
    public async Task Override_page_is_for_staff_and_unknown_physicians_are_not_found()
    {
        var path = $"/Network/RuleSet/{await portal.TraineeIdAsync(DemoAccounts.Trainee)}";
        Assert.Equal("/Identity/Account/Login", (await portal.CreateBrowserLikeClient().GetAsync(path)).Headers.Location!.AbsolutePath);
        foreach (var account in new[] { DemoAccounts.Trainee, DemoAccounts.Coordinator })
        {
            Assert.Equal("/Identity/Account/AccessDenied", (await (await portal.SignedInAsync(account)).GetAsync(path)).Headers.Location!.AbsolutePath);
        }

        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Network/RuleSet/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Intended_licensee_state_on_the_profile_changes_the_jurisdiction_applied()
    {
        var baseline = await EvaluateEveryoneAsync();
        await portal.QueryAsync(async db =>
        {
            db.JurisdictionRules.Add(new JurisdictionRule(Guid.NewGuid(), "OH", Regulator.AgreementState, RuleSet.Legacy2005, Today, "Test: Ohio back on the 2005 text."));
            return await db.SaveChangesAsync();
        });
        var traineeId = await portal.TraineeIdAsync(DemoAccounts.Trainee);
        var physician = await portal.SignedInAsync(DemoAccounts.Trainee);

        var saved = await EditLicenseeStateAsync(physician, "OH");

        Assert.Equal("/Profile", saved.Headers.Location?.OriginalString);
        var page = await physician.GetDocumentAsync("/Profile");
        Assert.Equal(("OH", "LEGACY-2005"), (page.QuerySelector("#licensee-state")!.TextContent, page.QuerySelector("#rule-set")!.TextContent));
        Assert.Contains($"OH is regulated by the state as an Agreement State under LEGACY-2005 since {Today:yyyy-MM-dd}.", page.QuerySelector("#rule-set-reason")!.TextContent, StringComparison.Ordinal);
        var summary = (await SummariesAsync())[traineeId];
        Assert.Equal((RuleSet.Legacy2005, "L3 L4"), (summary.RuleSet, Categories(summary)));
        var profile = await portal.QueryAsync(db => db.Trainees.AsNoTracking().SingleAsync(t => t.Id == traineeId));
        var entry = Assert.Single(await AuditAsync(AuditAction.IntendedLicenseeChanged));
        Assert.Equal(("trainee_profile", traineeId.ToString(), await portal.UserIdAsync(DemoAccounts.Trainee), HashOf(AuditSnapshots.Of(profile))),
            (entry.SubjectType, entry.SubjectId, entry.ActorUserId, entry.AfterSha256));

        await EditLicenseeStateAsync(physician, "");

        page = await physician.GetDocumentAsync("/Profile");
        Assert.Equal(("MI (where you practise)", "NRC-2019"), (page.QuerySelector("#licensee-state")!.TextContent, page.QuerySelector("#rule-set")!.TextContent));
        Assert.Equal(baseline[traineeId], (await SummariesAsync())[traineeId]);
        Assert.Equal(2, (await AuditAsync(AuditAction.IntendedLicenseeChanged)).Count);
    }

    [Fact]
    public async Task Unknown_licensee_state_is_refused_and_nothing_is_saved()
    {
        var physician = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await EditLicenseeStateAsync(physician, "ZZ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Choose a state from the list.", CaseLog.FieldError(await HtmlForms.ParseAsync(response), "Input.IntendedLicenseeState"));
        var traineeId = await portal.TraineeIdAsync(DemoAccounts.Trainee);
        Assert.Null(await portal.QueryAsync(db => db.Trainees.Where(t => t.Id == traineeId).Select(t => t.IntendedLicenseeState).SingleAsync()));
        Assert.Empty(await AuditAsync(AuditAction.IntendedLicenseeChanged));
    }

    private async Task AssertRefusedAsync(Dictionary<string, string> values, string field, string message)
    {
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        var before = await RowsAsync(Michigan);

        var response = await admin.SubmitAsync(await admin.GetDocumentAsync("/Admin/Jurisdiction/MI"), "form#add-rule", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(message, CaseLog.FieldError(await HtmlForms.ParseAsync(response), field), StringComparison.Ordinal);
        Assert.Equal(before.Select(r => r.Id), (await RowsAsync(Michigan)).Select(r => r.Id));
        Assert.Empty(await AuditAsync(AuditAction.JurisdictionRuleAdded));
    }

    private static async Task<HttpResponseMessage> EditLicenseeStateAsync(HttpClient physician, string state) =>
        await physician.SubmitAsync(await physician.GetDocumentAsync("/Profile/Edit"), "form#edit-profile", new Dictionary<string, string>
        {
            ["Input.PracticeState"] = Michigan,
            ["Input.IntendedLicenseeState"] = state,
        });

    private static Dictionary<string, string> NewRow(string effectiveFrom) => new()
    {
        ["Input.Regulator"] = "NRC",
        ["Input.RuleSet"] = "LEGACY-2005",
        ["Input.EffectiveFrom"] = effectiveFrom,
        ["Input.Note"] = "Test: Michigan judged under the 2005 text again.",
    };

    /// <summary>Re-evaluates every physician now, so that a later answer differs from this one only by what the test changed.</summary>
    private async Task<Dictionary<Guid, Answer>> EvaluateEveryoneAsync()
    {
        await portal.QueryAsync(async db => await ReadinessSummaries.RefreshAsync(db, await db.Trainees.Select(t => t.Id).ToListAsync(), Today, CancellationToken.None));
        return await SummariesAsync();
    }

    private Task<Dictionary<Guid, Answer>> SummariesAsync() =>
        portal.QueryAsync(async db => (await db.ReadinessSummaries.AsNoTracking().ToListAsync())
            .ToDictionary(s => s.TraineeId, s => new Answer(s.RuleSet, string.Join(" ", s.CategoryStatuses))));

    private Task<List<Guid>> LicensedInAsync(string state) =>
        portal.QueryAsync(db => db.Trainees.Where(t => (t.IntendedLicenseeState ?? t.PracticeState) == state).Select(t => t.Id).ToListAsync());

    private Task<List<JurisdictionRule>> RowsAsync(string state) =>
        portal.QueryAsync(db => db.JurisdictionRules.AsNoTracking().Where(r => r.State == state).OrderBy(r => r.EffectiveFrom).ToListAsync());

    private Task<List<AuditEntry>> AuditAsync(AuditAction action) =>
        portal.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Sequence).ToListAsync());

    private async Task<List<string>> ProgressCategoriesAsync()
    {
        var page = await (await portal.SignedInAsync(DemoAccounts.Trainee)).GetDocumentAsync("/Progress");
        return [.. page.QuerySelectorAll("article[data-category]").Select(a => a.GetAttribute("data-category")!)];
    }

    /// <summary>The categories the engine judged, e.g. "L3 L4".</summary>
    private static string Categories(Answer answer) => string.Join(" ", answer.Statuses.Split(' ').Select(s => s.Split(':')[0]));

    private static List<string> Cells(IHtmlDocument page, string state) =>
        [.. page.QuerySelectorAll($"tr[data-state='{state}'] td").Take(3).Select(td => td.TextContent.Trim())];

    private static string Status(IHtmlDocument page) => page.QuerySelector("[role='status']")?.TextContent.Trim() ?? "";

    private static List<string> Comparable(IEnumerable<JurisdictionRule> rules) =>
        [.. rules.Select(r => $"{r.State} {r.Regulator} {r.RuleSet} {r.EffectiveFrom:yyyy-MM-dd} {r.Note}").Order(StringComparer.Ordinal)];

    /// <summary>The hash an audit entry keeps of <paramref name="snapshot"/>.</summary>
    private static string? HashOf(object snapshot) =>
        AuditEntry.Record(DateTimeOffset.UnixEpoch, null, AuditAction.JurisdictionRuleAdded, "subject", "id", null, snapshot, "summary").AfterSha256;

    private sealed record Answer(RuleSet RuleSet, string Statuses);
}
