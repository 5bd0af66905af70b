using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Pages.Network;

public sealed class AuditTrailTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Url = "/Network/Audit";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Chain_after_a_case_is_submitted_and_approved_is_intact_with_the_last_hash_as_head()
    {
        var draft = await portal.DemoCaseAsync(CaseStatus.Draft);
        var physician = await portal.SignedInAsync(DemoAccounts.Trainee);
        var details = await physician.GetDocumentAsync($"/Cases/Details/{draft}");
        Assert.Equal(HttpStatusCode.Redirect, (await physician.SubmitAsync(details, "form[action*='handler=Submit']", new Dictionary<string, string>())).StatusCode);
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);
        var review = await preceptor.GetDocumentAsync($"/Reviews/Case/{draft}");
        Assert.Equal(HttpStatusCode.Redirect, (await preceptor.SubmitAsync(review, "#approve-form", new Dictionary<string, string>())).StatusCode);

        var page = await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync(Url);

        var lastHash = await portal.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.Hash).FirstAsync());
        Assert.Equal("true", page.QuerySelector("#chain-status")!.GetAttribute("data-intact"));
        Assert.Equal("2", page.QuerySelector("#entry-count")!.TextContent);
        Assert.Equal(lastHash, page.QuerySelector("#head-hash")!.TextContent);
        var rows = page.QuerySelectorAll("#entries tbody tr");
        Assert.Equal(["2", "1"], rows.Select(r => r.GetAttribute("data-sequence")));
        Assert.Equal([nameof(AuditAction.CaseApproved), nameof(AuditAction.CaseSubmitted)], rows.Select(r => r.QuerySelector(".action")!.GetAttribute("data-action")));
        Assert.Contains(DemoAccounts.Preceptor, rows[0].QuerySelector(".actor")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Trainee, rows[1].QuerySelector(".actor")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_trail_is_intact_with_the_genesis_hash_and_says_nothing_is_recorded()
    {
        var page = await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync(Url);

        Assert.Equal("true", page.QuerySelector("#chain-status")!.GetAttribute("data-intact"));
        Assert.Equal(AuditEntry.GenesisHash, page.QuerySelector("#head-hash")!.TextContent);
        Assert.Contains("Nothing has been recorded yet", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form#export"));
    }

    [Fact]
    public async Task Summary_changed_in_the_database_breaks_the_chain_at_that_entry()
    {
        await AppendAsync(3);
        var firstHash = await HashOfAsync(1);

        await ExecuteAsync("UPDATE audit_entries SET summary = 'Nothing happened' WHERE sequence = 2", asReplica: true);

        var page = await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync(Url);
        var status = page.QuerySelector("#chain-status")!;
        Assert.Equal(("false", "2"), (status.GetAttribute("data-intact"), status.GetAttribute("data-broken-at")));
        Assert.Contains("entry 2 was changed after it was written", status.TextContent, StringComparison.Ordinal);
        Assert.Equal(firstHash, page.QuerySelector("#head-hash")!.TextContent);
        Assert.Contains("table-danger", page.QuerySelector("#entries tr[data-sequence='2']")!.ClassList);
    }

    [Fact]
    public async Task Entry_deleted_from_the_database_is_reported_missing()
    {
        await AppendAsync(3);

        await ExecuteAsync("DELETE FROM audit_entries WHERE sequence = 2", asReplica: true);

        var status = (await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync(Url)).QuerySelector("#chain-status")!;
        Assert.Equal(("false", "2"), (status.GetAttribute("data-intact"), status.GetAttribute("data-broken-at")));
        Assert.Contains("entry 2 is missing (the next one is 3)", status.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET summary = 'Nothing happened' WHERE sequence = 2")]
    [InlineData("DELETE FROM audit_entries WHERE sequence = 2")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task Changing_an_audit_row_with_triggers_on_is_refused_by_the_database(string sql)
    {
        await AppendAsync(3);
        var before = await SummariesAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("audit_entries is append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await SummariesAsync());
    }

    [Fact]
    public async Task Removing_an_entry_through_the_apps_context_is_refused()
    {
        await AppendAsync(2);

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => portal.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Sequence == 1));
            return await db.SaveChangesAsync();
        }));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        Assert.Equal(2, (await SummariesAsync()).Count);
    }

    [Fact]
    public async Task Appends_from_twenty_parallel_contexts_form_a_gapless_intact_chain()
    {
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => portal.WithDbAsync(db =>
        {
            db.Audit(null, AuditAction.RecordsImported, "import", i, null, new { Batch = i }, $"Parallel entry {i}");
            return db.SaveChangesAsync();
        })));

        var entries = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"Parallel entry {i}").Order(), entries.Select(e => e.Summary).Order());
        Assert.Equal(new ChainCheck(true, 20, entries[^1].Hash, null, null), AuditChain.Verify(entries));
        var page = await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync(Url);
        Assert.Equal(("true", "20"), (page.QuerySelector("#chain-status")!.GetAttribute("data-intact"), page.QuerySelector("#entry-count")!.TextContent));
    }

    [Fact]
    public async Task Entries_are_listed_newest_first_fifty_to_a_page()
    {
        await AppendAsync(60);
        var client = await portal.SignedInAsync(DemoAccounts.Staff);

        var first = await client.GetDocumentAsync(Url);
        var older = first.QuerySelector<IHtmlAnchorElement>("a[rel='next']")!;
        var second = await client.GetDocumentAsync(older.Href);

        Assert.Equal("60 entries", first.QuerySelector("#entries-heading")!.TextContent.Trim());
        Assert.Equal(Enumerable.Range(11, 50).Reverse().Select(i => i.ToString()), SequencesOn(first));
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => i.ToString()), SequencesOn(second));
        Assert.Contains("Page 2 of 2", second.QuerySelector("nav[aria-label='Pages of the audit trail']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("a[rel='next']"));
        Assert.Equal(SequencesOn(second), SequencesOn(await client.GetDocumentAsync($"{Url}?pageNumber=9")));
        Assert.Equal(SequencesOn(first), SequencesOn(await client.GetDocumentAsync($"{Url}?pageNumber=first")));
    }

    [Fact]
    public async Task Filters_by_action_subject_actor_and_dates_are_applied_in_the_query()
    {
        await AppendAsync(4, AuditAction.CaseSubmitted, DemoAccounts.Trainee);
        await AppendAsync(3, AuditAction.RoleGranted, DemoAccounts.Admin, subjectType: "account");
        var client = await portal.SignedInAsync(DemoAccounts.Staff);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");

        Assert.Equal(["7", "6", "5"], SequencesOn(await client.GetDocumentAsync($"{Url}?kind=RoleGranted")));
        Assert.Equal(["7", "6", "5"], SequencesOn(await client.GetDocumentAsync($"{Url}?subject=account")));
        Assert.Equal(["4", "3", "2", "1"], SequencesOn(await client.GetDocumentAsync($"{Url}?actor=TRAINEE14@")));
        Assert.Empty(SequencesOn(await client.GetDocumentAsync($"{Url}?kind=RoleGranted&actor=trainee14")));
        Assert.Equal(7, SequencesOn(await client.GetDocumentAsync($"{Url}?from={today}&to={today}")).Count);
        var none = await client.GetDocumentAsync($"{Url}?from={tomorrow}");
        Assert.Empty(SequencesOn(none));
        Assert.Contains("No entry matches these filters", none.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind=Nothing", "kind", "Choose an action from the list.")]
    [InlineData("kind=3", "kind", "Choose an action from the list.")]
    [InlineData("from=2026-13-01", "from", "Enter a date as YYYY-MM-DD.")]
    [InlineData("to=03/01/2026", "to", "Enter a date as YYYY-MM-DD.")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to", "The end date is before the start date.")]
    [InlineData("actor=%3Cscript%3E", "actor", "Remove angle-bracket markup such as <script>.")]
    public async Task Bad_filter_shows_a_message_next_to_the_field_and_no_entries(string query, string field, string message)
    {
        await AppendAsync(2);

        var page = await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync($"{Url}?{query}");

        Assert.Equal(message, page.QuerySelector($"#{field}-problem")!.TextContent);
        Assert.Null(page.QuerySelector("#entries"));
        Assert.NotNull(page.QuerySelector("#chain-status"));
    }

    [Fact]
    public async Task Export_returns_the_filtered_log_as_csv_and_records_the_export()
    {
        await AppendAsync(2, AuditAction.CaseApproved, DemoAccounts.Preceptor);
        await AppendAsync(1, AuditAction.RoleGranted, DemoAccounts.Admin);
        var client = await portal.SignedInAsync(DemoAccounts.Staff);
        var page = await client.GetDocumentAsync($"{Url}?kind=CaseApproved");

        var response = await client.SubmitAsync(page, "form#export", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^audit-trail-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition!.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Sequence,Time (UTC),Actor,Actor e-mail,Action,Subject type,Subject id,Summary", lines[0], StringComparison.Ordinal);
        Assert.Equal(["1", "2"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Contains($",{DemoAccounts.Preceptor},CaseApproved,", l, StringComparison.Ordinal));
        Assert.Contains(await HashOfAsync(2), lines[2], StringComparison.Ordinal);

        var staffId = await portal.UserIdAsync(DemoAccounts.Staff);
        var export = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal((4L, AuditAction.DataExported, staffId, "export"), (export.Sequence, export.Action, export.ActorUserId, export.SubjectType));
        Assert.Equal("Audit trail exported (2 entries, filtered)", export.Summary);
        Assert.True(AuditChain.Verify(await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync())).Intact);
    }

    [Fact]
    public async Task Admin_may_open_the_audit_trail()
    {
        var response = await (await portal.SignedInAsync(DemoAccounts.Admin)).GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.Preceptor)]
    [InlineData(DemoAccounts.Trainee)]
    [InlineData(DemoAccounts.Coordinator)]
    public async Task Other_roles_are_refused_and_cannot_export(string account)
    {
        await AppendAsync(1);
        var client = await portal.SignedInAsync(account);

        var get = await client.GetAsync(Url);
        var export = await client.PostAsync($"{Url}?handler=Export", new FormUrlEncodedContent([]));

        Assert.StartsWith("/Identity/Account/AccessDenied", get.Headers.Location!.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        Assert.Single(await SummariesAsync());
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(Url);

        Assert.Equal("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    private static List<string> SequencesOn(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#entries tbody tr").Select(r => r.GetAttribute("data-sequence")!)];

    [Fact]
    public async Task Anchored_head_matches_until_entries_are_removed_from_the_end()
    {
        await AppendAsync(3);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var before = await staff.GetDocumentAsync(Url);
        Assert.Contains("No head has been anchored", before.QuerySelector("#anchor-status")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(before, "form[action*='handler=Anchor']", new Dictionary<string, string>())).StatusCode);
        var anchored = await staff.GetDocumentAsync(Url);
        Assert.Equal("true", anchored.QuerySelector("#anchor-status")!.GetAttribute("data-matches"));
        Assert.Contains("(entry 3)", anchored.QuerySelector("#anchor-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await HashOfAsync(3), await File.ReadAllTextAsync(Path.Combine(portal.AnchorDirectory, "audit-anchors.jsonl")), StringComparison.Ordinal);

        // What an insider with full database access could do without breaking the chain: drop the newest entry.
        await ExecuteAsync("DELETE FROM audit_entries WHERE sequence = 3", asReplica: true);

        var page = await staff.GetDocumentAsync(Url);
        Assert.Equal("true", page.QuerySelector("#chain-status")!.GetAttribute("data-intact"));
        var status = page.QuerySelector("#anchor-status")!;
        Assert.Equal("false", status.GetAttribute("data-matches"));
        Assert.Contains("the trail has 2 entries but entry 3 was anchored", status.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rewriting_an_anchored_entry_consistently_is_found_by_the_anchor()
    {
        await AppendAsync(2);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        await staff.SubmitAsync(await staff.GetDocumentAsync(Url), "form[action*='handler=Anchor']", new Dictionary<string, string>());

        // Replace the whole chain with a consistent forgery: it verifies, but its head is not the anchored one.
        await ExecuteAsync("DELETE FROM audit_entries", asReplica: true);
        await AppendAsync(2, AuditAction.CaseApproved);

        var page = await staff.GetDocumentAsync(Url);
        Assert.Equal("true", page.QuerySelector("#chain-status")!.GetAttribute("data-intact"));
        Assert.Contains("entry 2 no longer has the hash anchored", page.QuerySelector("#anchor-status")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Appends <paramref name="count"/> entries in one save, as a change that records several at once.</summary>
    private async Task AppendAsync(int count, AuditAction action = AuditAction.CaseSubmitted, string? actorEmail = null, string subjectType = "case")
    {
        var actor = actorEmail is null ? null : await portal.UserIdAsync(actorEmail);
        await portal.WithDbAsync(db =>
        {
            for (var i = 1; i <= count; i++)
            {
                db.Audit(actor, action, subjectType, Guid.NewGuid(), null, new { i }, $"Test entry {i}");
            }

            return db.SaveChangesAsync();
        });
    }

    private Task<string> HashOfAsync(long sequence) =>
        portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Sequence == sequence).Select(a => a.Hash).SingleAsync());

    private Task<List<string>> SummariesAsync() =>
        portal.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Summary).ToListAsync());

    /// <summary>
    /// Runs SQL on a connection of the test's own. As replica, triggers are off for the session, as for an attacker with
    /// full access to the database; the role is restored before the connection goes back to the pool.
    /// </summary>
    private async Task ExecuteAsync(string sql, bool asReplica = false)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            asReplica ? $"SET session_replication_role = replica; {sql}; SET session_replication_role = origin;" : sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
