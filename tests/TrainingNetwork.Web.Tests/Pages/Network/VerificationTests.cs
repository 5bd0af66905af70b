using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Pages.Network;

/// <summary>
/// Two-person verification of preceptor listings: the queue, the first check, the confirmation by a different staff
/// member, rejection with a reason, two staff members acting at once, and rights ending with the listing.
/// </summary>
public sealed class VerificationTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    /// <summary>Second preceptor at Lakeshore; their seeded listing is verified and open-ended.</summary>
    private const string Preceptor = "preceptor2.lakeshore@trainingnetwork.test";
    private const string GatewayPreceptor = DemoAccounts.Preceptor;
    private const string Queue = "/Network/Verification";
    private const string Subject = "practice_authorization";

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Queue_shows_a_new_listing_waiting_for_a_first_check()
    {
        var id = await AddListingAsync(Preceptor);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var page = await staff.GetDocumentAsync(Queue);

        var row = Assert.Single(page.QuerySelectorAll("#first-check tbody tr"));
        Assert.Equal(id.ToString(), row.GetAttribute("data-listing"));
        Assert.Contains(await NameOfAsync(Preceptor), row.TextContent);
        Assert.Contains(ReviewData.Lakeshore, row.TextContent);
        Assert.Contains("license page.pdf", row.TextContent);
        Assert.Equal($"/Network/Verification/Listing/{id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1", page.QuerySelector("#count-first-check")!.TextContent);
        Assert.Contains("No listings are waiting for a second check.", page.QuerySelector("#confirmation .empty-state")!.TextContent);
        Assert.Contains("No verified listings have ended.", page.QuerySelector("#ended .empty-state")!.TextContent);
    }

    [Fact]
    public async Task First_check_and_confirmation_by_another_staff_member_verify_the_listing_with_an_intact_audit_chain()
    {
        var id = await AddListingAsync(Preceptor);
        var staffId = await portal.UserIdAsync(DemoAccounts.Staff);
        var secondStaffId = await portal.UserIdAsync(DemoAccounts.SecondStaff);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var secondStaff = await portal.SignedInAsync(DemoAccounts.SecondStaff);

        var checkedOnce = await staff.SubmitAsync(await staff.GetDocumentAsync(ListingUrl(id)), "form#first-check-form", new Dictionary<string, string>());
        var queue = await staff.GetDocumentAsync(Queue);
        var confirmed = await secondStaff.SubmitAsync(await secondStaff.GetDocumentAsync(ListingUrl(id)), "form#confirm-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, checkedOnce.StatusCode);
        Assert.Equal(id.ToString(), Assert.Single(queue.QuerySelectorAll("#confirmation tbody tr")).GetAttribute("data-listing"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var listing = await ListingAsync(id);
        Assert.Equal(
            (VerificationStatus.Verified, staffId, secondStaffId),
            (listing.Verification, listing.FirstCheckedByUserId, listing.VerifiedByUserId));
        var entries = await AuditOfAsync(id);
        Assert.Equal([AuditAction.ListingFirstCheck, AuditAction.ListingConfirmed], entries.Select(e => e.Action));
        Assert.Equal([staffId, secondStaffId], entries.Select(e => e.ActorUserId));
        Assert.Equal(entries[0].AfterSha256, entries[1].BeforeSha256);
        Assert.NotEqual(entries[1].BeforeSha256, entries[1].AfterSha256);
        Assert.True(AuditChain.Verify(await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync())).Intact);

        var page = await secondStaff.GetDocumentAsync(ListingUrl(id));
        Assert.Equal("Verified", page.QuerySelector("#verification-status")!.TextContent);
        Assert.Contains("Confirmed by Casey Morgan", page.QuerySelector("#history")!.TextContent);
        Assert.StartsWith("Yes:", page.QuerySelector("#rights-today")!.TextContent);
    }

    [Fact]
    public async Task First_checker_is_not_offered_the_confirmation_and_cannot_post_it()
    {
        var id = await AddListingAsync(Preceptor);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        await staff.SubmitAsync(await staff.GetDocumentAsync(ListingUrl(id)), "form#first-check-form", new Dictionary<string, string>());

        var page = await staff.GetDocumentAsync(ListingUrl(id));
        var response = await PostAsync(staff, page, id, "Confirm");

        Assert.Null(page.QuerySelector("form#confirm-form"));
        Assert.Contains("A second, different staff member must confirm it", page.QuerySelector("#first-checker-note")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You made the first check of this listing, so you cannot confirm it", await response.Content.ReadAsStringAsync());
        var listing = await ListingAsync(id);
        Assert.Equal((VerificationStatus.FirstCheckDone, null), (listing.Verification, listing.VerifiedByUserId));
        Assert.Equal([AuditAction.ListingFirstCheck], (await AuditOfAsync(id)).Select(e => e.Action));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("See <script>alert(1)</script>")]
    public async Task Rejection_without_an_acceptable_reason_is_refused_and_nothing_saved(string reason)
    {
        var id = await AddListingAsync(Preceptor);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var response = await staff.SubmitAsync(
            await staff.GetDocumentAsync(ListingUrl(id)), "form#reject-form", new Dictionary<string, string> { ["Input.Reason"] = reason });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.Trim());
        Assert.Equal(VerificationStatus.Unverified, (await ListingAsync(id)).Verification);
        Assert.Empty(await AuditOfAsync(id));
    }

    [Fact]
    public async Task Rejection_with_a_reason_is_saved_audited_and_shown_to_the_preceptor()
    {
        const string reason = "The license page lists another physician.";
        var id = await AddListingAsync(Preceptor);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var response = await staff.SubmitAsync(
            await staff.GetDocumentAsync(ListingUrl(id)), "form#reject-form", new Dictionary<string, string> { ["Input.Reason"] = reason });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var listing = await ListingAsync(id);
        Assert.Equal((VerificationStatus.Rejected, reason), (listing.Verification, listing.RejectionReason));
        Assert.Equal([AuditAction.ListingRejected], (await AuditOfAsync(id)).Select(e => e.Action));
        var preceptor = await portal.SignedInAsync(Preceptor);
        var own = await preceptor.GetDocumentAsync("/Preceptor/Authorizations");
        Assert.Contains(own.QuerySelectorAll("#authorizations .verification"), cell => cell.TextContent == $"Rejected: {reason}");
    }

    [Fact]
    public async Task Staff_member_acting_on_a_page_opened_before_a_colleague_acted_is_told_and_nothing_changes()
    {
        var id = await AddListingAsync(Preceptor);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var secondStaff = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var stale = await secondStaff.GetDocumentAsync(ListingUrl(id));

        await staff.SubmitAsync(await staff.GetDocumentAsync(ListingUrl(id)), "form#reject-form", new Dictionary<string, string> { ["Input.Reason"] = "Wrong license." });
        var response = await secondStaff.SubmitAsync(stale, "form#first-check-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another staff member acted on this listing while you had it open", (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        var listing = await ListingAsync(id);
        Assert.Equal((VerificationStatus.Rejected, null), (listing.Verification, listing.FirstCheckedByUserId));
        Assert.Equal([AuditAction.ListingRejected], (await AuditOfAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Confirmation_and_rejection_posted_at_once_do_not_both_succeed()
    {
        var id = await AddListingAsync(Preceptor);
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);
        await admin.SubmitAsync(await admin.GetDocumentAsync(ListingUrl(id)), "form#first-check-form", new Dictionary<string, string>());
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var secondStaff = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var rejectPage = await staff.GetDocumentAsync(ListingUrl(id));
        var confirmPage = await secondStaff.GetDocumentAsync(ListingUrl(id));

        var responses = await Task.WhenAll(
            staff.SubmitAsync(rejectPage, "form#reject-form", new Dictionary<string, string> { ["Input.Reason"] = "Expired license." }),
            secondStaff.SubmitAsync(confirmPage, "form#confirm-form", new Dictionary<string, string>()));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var decisions = (await AuditOfAsync(id)).Where(e => e.Action != AuditAction.ListingFirstCheck).ToList();
        var decision = Assert.Single(decisions);
        var listing = await ListingAsync(id);
        Assert.Equal(
            decision.Action == AuditAction.ListingConfirmed ? VerificationStatus.Verified : VerificationStatus.Rejected,
            listing.Verification);
    }

    [Fact]
    public async Task Step_whose_listing_changes_while_it_is_written_is_not_saved()
    {
        var id = await AddListingAsync(Preceptor);
        var staffId = await portal.UserIdAsync(DemoAccounts.Staff);
        var secondStaff = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var page = await secondStaff.GetDocumentAsync(ListingUrl(id));

        // A colleague's rejection holds the row, uncommitted, while the first check is posted: the page still reads the
        // listing as unchecked, and its conditional update waits for the row, then finds the state changed.
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var colleague = await db.Database.BeginTransactionAsync();
        (await db.PracticeAuthorizations.SingleAsync(a => a.Id == id)).Reject(staffId, "Wrong license.", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        var posted = secondStaff.SubmitAsync(page, "form#first-check-form", new Dictionary<string, string>());
        await WaitForALockWaitAsync();
        await colleague.CommitAsync();
        var response = await posted;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Another staff member acted on this listing while you had it open", (await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
        var listing = await ListingAsync(id);
        Assert.Equal((VerificationStatus.Rejected, null), (listing.Verification, listing.FirstCheckedByUserId));
        Assert.Empty(await AuditOfAsync(id));
    }

    [Fact]
    public async Task Verified_listing_that_ended_yesterday_gives_no_rights_and_is_listed_as_ended()
    {
        var userId = await portal.UserIdAsync(Preceptor);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var id = await portal.WithDbAsync(db => db.PracticeAuthorizations.Where(a => a.UserId == userId).Select(a => a.Id).SingleAsync());
        var endingSoon = await EndDemoListingAsync(GatewayPreceptor, today.AddDays(30));
        await EndDemoListingAsync(Preceptor, today.AddDays(-1));
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var inForce = await portal.WithDbAsync(db => db.VerifiedListingsInForceAsync(userId, today));
        var reviewable = await portal.WithDbAsync(db => db.ReviewableCategoriesAsync(userId, today));
        var queue = await staff.GetDocumentAsync(Queue);
        var page = await staff.GetDocumentAsync(ListingUrl(id));

        Assert.Empty(inForce);
        Assert.Empty(reviewable);
        var ended = Assert.Single(queue.QuerySelectorAll("#ended tbody tr"));
        Assert.Equal(id.ToString(), ended.GetAttribute("data-listing"));
        Assert.Contains("yesterday; no rights since", ended.TextContent);
        Assert.Equal(endingSoon.ToString(), Assert.Single(queue.QuerySelectorAll("#ending tbody tr")).GetAttribute("data-listing"));
        Assert.Equal(("1", "1"), (queue.QuerySelector("#count-ended")!.TextContent, queue.QuerySelector("#count-ending")!.TextContent));
        Assert.Equal($"None: the listing ended on {today.AddDays(-1):yyyy-MM-dd}.", page.QuerySelector("#rights-today")!.TextContent);
        var preceptor = await portal.SignedInAsync(Preceptor);
        Assert.Contains("You cannot review cases yet", (await preceptor.GetDocumentAsync("/Preceptor/Authorizations")).QuerySelector("#review-standing")!.TextContent);
    }

    [Fact]
    public async Task Filters_narrow_the_queue_in_the_query_and_a_bad_center_is_reported()
    {
        var lakeshore = await AddListingAsync(Preceptor);
        var gateway = await AddListingAsync(GatewayPreceptor);
        var gatewayCenter = await portal.WithDbAsync(db => db.Centers.Where(c => c.Name == ReviewData.Gateway).Select(c => c.Id).SingleAsync());
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var byCenter = await staff.GetDocumentAsync($"{Queue}?center={gatewayCenter}");
        var byName = await staff.GetDocumentAsync($"{Queue}?q={Uri.EscapeDataString((await NameOfAsync(Preceptor)).ToUpperInvariant())}");
        var byWildcard = await staff.GetDocumentAsync($"{Queue}?q=%25");
        var badCenter = await staff.GetDocumentAsync($"{Queue}?center={Guid.NewGuid()}");

        Assert.Equal([gateway.ToString()], byCenter.QuerySelectorAll("#first-check tbody tr").Select(r => r.GetAttribute("data-listing")));
        Assert.Equal([lakeshore.ToString()], byName.QuerySelectorAll("#first-check tbody tr").Select(r => r.GetAttribute("data-listing")));
        Assert.Empty(byWildcard.QuerySelectorAll("#first-check tbody tr"));
        Assert.Contains("No listings that match the filter are waiting for a first check.", byWildcard.QuerySelector("#first-check .empty-state")!.TextContent);
        Assert.Equal("Choose a center from the list.", badCenter.QuerySelector("#center-problem")!.TextContent);
        Assert.Empty(badCenter.QuerySelectorAll("#first-check"));
    }

    [Fact]
    public async Task Listing_without_a_license_page_cannot_be_checked_but_can_be_rejected()
    {
        var id = await AddListingAsync(Preceptor, withLicensePage: false);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var page = await staff.GetDocumentAsync(ListingUrl(id));
        var response = await PostAsync(staff, page, id, "FirstCheck");

        Assert.Null(page.QuerySelector("form#first-check-form"));
        Assert.NotNull(page.QuerySelector("form#reject-form"));
        Assert.Contains("There is no license page to check this listing against", page.QuerySelector("#no-license-page")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VerificationStatus.Unverified, (await ListingAsync(id)).Verification);
        Assert.Empty(await AuditOfAsync(id));
    }

    [Fact]
    public async Task Staff_member_who_is_also_a_preceptor_cannot_check_their_own_listing()
    {
        var adminId = await portal.UserIdAsync(DemoAccounts.Admin);
        await portal.WithDbAsync(async db =>
        {
            var gateway = await db.Centers.Where(c => c.Name == ReviewData.Gateway).Select(c => c.Id).SingleAsync();
            db.CenterMemberships.Add(new CenterMembership(Guid.CreateVersion7(), gateway, adminId, CenterRole.Preceptor));
            return await db.SaveChangesAsync();
        });
        var id = await AddListingAsync(DemoAccounts.Admin);
        var admin = await portal.SignedInAsync(DemoAccounts.Admin);

        var page = await admin.GetDocumentAsync(ListingUrl(id));
        var response = await PostAsync(admin, page, id, "FirstCheck");

        Assert.Equal("This is your own listing: other network staff members check it.", page.QuerySelector("#refusal")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#decide form"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VerificationStatus.Unverified, (await ListingAsync(id)).Verification);
    }

    [Theory]
    [InlineData(GatewayPreceptor)]
    [InlineData(DemoAccounts.Trainee)]
    [InlineData(DemoAccounts.Coordinator)]
    public async Task Other_roles_are_refused_both_pages_and_cannot_post(string email)
    {
        var id = await AddListingAsync(Preceptor);
        var client = await portal.SignedInAsync(email);

        foreach (var url in new[] { Queue, ListingUrl(id), $"{ListingUrl(id)}?handler=FirstCheck" })
        {
            var response = url.Contains("handler", StringComparison.Ordinal)
                ? await client.PostAsync(url, new FormUrlEncodedContent([]))
                : await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }

        Assert.Equal(VerificationStatus.Unverified, (await ListingAsync(id)).Verification);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var id = await AddListingAsync(Preceptor);
        var client = portal.CreateBrowserLikeClient();

        foreach (var url in new[] { Queue, ListingUrl(id) })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Unknown_listing_and_a_physicians_own_listing_are_not_found()
    {
        var physician = await portal.UserIdAsync(ReviewData.Physician);
        var physiciansListing = await portal.WithDbAsync(db => db.PracticeAuthorizations.Where(a => a.UserId == physician).Select(a => a.Id).SingleAsync());
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(ListingUrl(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(ListingUrl(physiciansListing))).StatusCode);
    }

    [Fact]
    public async Task Staff_can_open_the_license_page_of_a_listing()
    {
        var id = await AddListingAsync(Preceptor);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var page = await staff.GetDocumentAsync(ListingUrl(id));

        var response = await staff.GetAsync(page.QuerySelector("#license-page")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    private static string ListingUrl(Guid id) => $"/Network/Verification/Listing/{id}";

    /// <summary>Posts a step that the page does not offer, with the antiforgery token of the form that it does show.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlDocument page, Guid id, string handler) =>
        client.PostAsync($"{ListingUrl(id)}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
            ["Input.Seen"] = page.QuerySelector("input[name='Input.Seen']")?.GetAttribute("value") ?? nameof(VerificationStatus.Unverified),
        }));

    /// <summary>A new 35.390 listing of the preceptor's, waiting for staff, with or without its uploaded license page.</summary>
    private Task<Guid> AddListingAsync(string email, bool withLicensePage = true) =>
        portal.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var document = withLicensePage ? new StoredDocument(Guid.CreateVersion7(now), userId, "license page.pdf", "application/pdf", Pdf, now) : null;
            if (document is not null)
            {
                db.Documents.Add(document);
            }

            var listing = new PracticeAuthorization(
                Guid.CreateVersion7(now), userId, "35.390", ["G1", "G2", "G3"], "24-31001-02", Regulator.Nrc, null,
                new DateOnly(2024, 6, 1), null, licenseDocumentId: document?.Id);
            db.PracticeAuthorizations.Add(listing);
            await db.SaveChangesAsync();
            return listing.Id;
        });

    /// <summary>Gives the preceptor's seeded, verified listing an end date, as a license amendment would.</summary>
    private async Task<Guid> EndDemoListingAsync(string email, DateOnly listedUntil)
    {
        var userId = await portal.UserIdAsync(email);
        return await portal.WithDbAsync(async db =>
        {
            var listings = db.PracticeAuthorizations.Where(a => a.UserId == userId);
            await listings.ExecuteUpdateAsync(s => s.SetProperty(a => a.ListedUntil, listedUntil));
            return await listings.Select(a => a.Id).SingleAsync();
        });
    }

    private async Task WaitForALockWaitAsync()
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The posted step never waited for the listing's row.");
            await Task.Delay(50);
        }
    }

    private Task<string> NameOfAsync(string email) => portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync());

    private Task<PracticeAuthorization> ListingAsync(Guid id) => portal.WithDbAsync(db => db.PracticeAuthorizations.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<List<AuditEntry>> AuditOfAsync(Guid id) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == Subject && a.SubjectId == id.ToString()).OrderBy(a => a.Sequence).ToListAsync());
}
