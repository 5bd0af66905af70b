using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Reviews;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Pages.Network;

/// <summary>
/// The readiness review queue. The demo network has two attested packets awaiting review: trainee21's (Big Sky), whose
/// classroom hours have since passed 35.59's seven years, so G3 has one point to judge (RECENTNESS_CE_REVIEW); and
/// trainee22's (Cascade), whose G3 the engine finds met.
/// </summary>
public sealed class PacketReviewTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public const string PhysicianWithPoint = "trainee21@trainingnetwork.test";
    public const string PhysicianWithPointName = "Dr. Ingrid Solberg";
    public const string PhysicianWithoutPoint = "trainee22@trainingnetwork.test";
    private const string Queue = "/Network/Packets";
    private const string Justification = "Related experience since: work experience and three supervised Lu-177 cases in the last six months.";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seeded_attestations_were_signed_over_records_that_lacked_only_the_attestation()
    {
        foreach (var physician in new[] { PhysicianWithPoint, PhysicianWithoutPoint })
        {
            var attestation = await portal.WithDbAsync(db => db.Attestations.SingleAsync(a => db.Trainees.Any(t => t.Id == a.TraineeId && db.Users.Any(u => u.Id == t.UserId && u.Email == physician))));
            var snapshot = TraineeRecordJson.Parse(attestation.EvidenceSnapshot).Record!;

            var g3 = Assert.Single(ReadinessEngine.Evaluate(snapshot).Categories);
            Assert.Equal(ReasonCode.AttestationMissing, Assert.Single(g3.Unmet).Code);
            Assert.Equal(DateOnly.FromDateTime(attestation.SignedAt.UtcDateTime), snapshot.EvaluationDate);
            Assert.Equal(["G3"], attestation.Categories);
        }
    }

    [Fact]
    public async Task Queue_lists_the_seeded_packets_oldest_first_with_the_engines_review_flag()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var page = await staff.GetDocumentAsync(Queue);

        var rows = page.QuerySelectorAll("#queue tbody tr");
        Assert.Equal([await AttestationIdAsync(PhysicianWithPoint), await AttestationIdAsync(PhysicianWithoutPoint)], rows.Select(r => Guid.Parse(r.GetAttribute("data-attestation")!)));
        Assert.Equal(["true", "false"], rows.Select(r => r.GetAttribute("data-needs-review")));
        Assert.Contains(PhysicianWithPointName, rows[0].TextContent);
        Assert.Contains("Big Sky Cancer Care", rows[0].TextContent);
        Assert.Contains("Dr. Rachel Adler", rows[0].TextContent);
        Assert.Contains("Cascade Radiopharmaceutical Therapy Center", rows[1].TextContent);
        Assert.Equal("2", page.QuerySelector("#waiting-count")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#needs-review-count")!.TextContent);
        Assert.Contains("No packet has been decided yet.", page.QuerySelector("section[aria-labelledby='decided-heading'] .empty-state")!.TextContent);
    }

    [Fact]
    public async Task Review_page_shows_the_point_to_judge_the_attestation_the_evidence_and_the_people_by_name()
    {
        var id = await AttestationIdAsync(PhysicianWithPoint);
        var attestation = await portal.WithDbAsync(db => db.Attestations.SingleAsync(a => a.Id == id));
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        var page = await staff.GetDocumentAsync($"{Queue}/Review/{id}");

        var point = Assert.Single(page.QuerySelectorAll("#review-points [data-point]"));
        Assert.Equal(("RECENTNESS_CE_REVIEW", "false"), (point.GetAttribute("data-code"), point.GetAttribute("data-closed")));
        Assert.Contains("Classroom training", point.TextContent);
        Assert.Equal(attestation.StatementText, page.QuerySelector("#statement")!.TextContent);
        Assert.Equal(attestation.EvidenceSha256, page.QuerySelector("#evidence-hash")!.TextContent);
        Assert.Contains("G3 has 1 point to judge still open", page.QuerySelector("#accept-blockers")!.TextContent);
        Assert.NotNull(page.QuerySelector("#accept-form button[disabled]"));
        Assert.Equal(3, page.QuerySelectorAll("#cases tbody tr").Length);
        Assert.Contains("signed this attestation", page.QuerySelector("#people")!.TextContent);
        // Big Sky's second preceptor supervised one of the cases: the engine asks whether the attestor reviewed it.
        Assert.Contains("Dr. Steven Park, not by the attestor", page.QuerySelector("#preceptor-findings [data-code='MULTIPLE_PRECEPTORS']")!.TextContent);
        Assert.NotNull(page.QuerySelector("#engine [data-category='G3'][data-status='NEEDS_REVIEW']"));
        Assert.DoesNotContain(attestation.SignerUserId, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", "Write why this point is acceptable")]
    [InlineData("Seen <script>alert(1)</script>", "Remove angle-bracket markup")]
    public async Task Closing_a_point_without_a_usable_justification_is_refused_and_nothing_is_saved(string justification, string message)
    {
        var id = await AttestationIdAsync(PhysicianWithPoint);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var page = await staff.GetDocumentAsync($"{Queue}/Review/{id}");

        var response = await CloseFirstPointAsync(staff, page, justification);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await HtmlForms.ParseAsync(response);
        Assert.Contains(message, again.QuerySelector("[data-valmsg-for='Close.Justification']")!.TextContent);
        Assert.Equal(justification.Trim(), again.QuerySelector<IHtmlTextAreaElement>("#review-points textarea")!.Value.Trim());
        Assert.Equal(0, await portal.WithDbAsync(db => db.ReviewPointClosures.CountAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.ReviewPointClosed)));
    }

    [Fact]
    public async Task Accept_is_refused_while_a_point_is_open_and_allowed_after_it_is_closed_with_a_justification()
    {
        var id = await AttestationIdAsync(PhysicianWithPoint);
        var staffId = await portal.UserIdAsync(DemoAccounts.Staff);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var page = await staff.GetDocumentAsync($"{Queue}/Review/{id}");

        var refused = await staff.SubmitAsync(page, "#accept-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This packet cannot be accepted yet", (await HtmlForms.ParseAsync(refused)).QuerySelector("[role='alert']")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.PacketReviews.CountAsync()));

        var closed = await CloseFirstPointAsync(staff, page, Justification);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal($"{Queue}/Review/{id}#review-points", closed.Headers.Location!.OriginalString);
        var closure = await portal.WithDbAsync(db => db.ReviewPointClosures.SingleAsync());
        Assert.Equal((id, "G3", "RECENTNESS_CE_REVIEW", Justification, staffId, "Jordan Blake (network staff)"),
            (closure.AttestationId, closure.Category, closure.ReasonCode, closure.Justification, closure.StaffUserId, closure.StaffName));
        await AssertAuditedAsync(AuditAction.ReviewPointClosed, "review_point_closure", closure.Id, staffId);

        var reviewed = await staff.GetDocumentAsync($"{Queue}/Review/{id}");
        var point = reviewed.QuerySelector("#review-points [data-point]")!;
        Assert.Equal("true", point.GetAttribute("data-closed"));
        Assert.Contains("Closed by Jordan Blake (network staff)", point.TextContent);
        Assert.Null(reviewed.QuerySelector("#accept-blockers"));
        var accepted = await staff.SubmitAsync(reviewed, "#accept-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(Queue, accepted.Headers.Location!.OriginalString);
        var review = await portal.WithDbAsync(db => db.PacketReviews.SingleAsync());
        Assert.Equal((id, PacketDecision.Accepted, staffId, null), (review.AttestationId, review.Decision, review.ReviewerUserId, review.Note));
        await AssertAuditedAsync(AuditAction.PacketAccepted, "packet_review", review.Id, staffId);
        var summary = await portal.WithDbAsync(db => db.ReadinessSummaries.SingleAsync(s => s.TraineeId == review.TraineeId));
        Assert.Equal(TraineeStage.Reviewed, summary.Stage);

        var queue = await staff.GetDocumentAsync(Queue);
        Assert.Single(queue.QuerySelectorAll("#queue tbody tr"));
        Assert.Equal("Accepted", queue.QuerySelector($"#decided tr[data-attestation='{id}']")!.GetAttribute("data-decision"));

        var progress = await (await portal.SignedInAsync(PhysicianWithPoint)).GetDocumentAsync("/Progress");
        var shown = progress.QuerySelector("#attestations .network-review")!;
        Assert.Equal("Accepted", shown.GetAttribute("data-decision"));
        Assert.Contains($"Accepted by the network on {review.DecidedAt.UtcDateTime:yyyy-MM-dd}", shown.TextContent);
        Assert.Contains("Network staff judged the points marked “A person must review”.", shown.TextContent);
    }

    [Fact]
    public async Task A_closed_point_cannot_be_closed_again_from_a_page_opened_before()
    {
        var id = await AttestationIdAsync(PhysicianWithPoint);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var secondStaff = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var stalePage = await secondStaff.GetDocumentAsync($"{Queue}/Review/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await CloseFirstPointAsync(staff, await staff.GetDocumentAsync($"{Queue}/Review/{id}"), Justification)).StatusCode);

        var second = await CloseFirstPointAsync(secondStaff, stalePage, "A second, different justification.");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Jordan Blake (network staff) closed this point", (await HtmlForms.ParseAsync(second)).QuerySelector("[role='alert']")!.TextContent);
        Assert.Equal(Justification, (await portal.WithDbAsync(db => db.ReviewPointClosures.SingleAsync())).Justification);
    }

    [Fact]
    public async Task Requesting_changes_needs_a_note_and_the_physician_reads_it()
    {
        var id = await AttestationIdAsync(PhysicianWithoutPoint);
        var staffId = await portal.UserIdAsync(DemoAccounts.SecondStaff);
        var staff = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var page = await staff.GetDocumentAsync($"{Queue}/Review/{id}");

        var refused = await staff.SubmitAsync(page, "#changes-form", new Dictionary<string, string> { ["Decision.ChangesNote"] = " " });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Write what must change", (await HtmlForms.ParseAsync(refused)).QuerySelector("[data-valmsg-for='Decision.ChangesNote']")!.TextContent);
        Assert.Equal(0, await portal.WithDbAsync(db => db.PacketReviews.CountAsync()));

        const string note = "Please upload the certificate of the didactic course; the attestation cites it.";
        var requested = await staff.SubmitAsync(page, "#changes-form", new Dictionary<string, string> { ["Decision.ChangesNote"] = note });

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var review = await portal.WithDbAsync(db => db.PacketReviews.SingleAsync());
        Assert.Equal((id, PacketDecision.ChangesRequested, note, "Casey Morgan (network staff)"), (review.AttestationId, review.Decision, review.Note, review.ReviewerName));
        await AssertAuditedAsync(AuditAction.PacketChangesRequested, "packet_review", review.Id, staffId);
        Assert.Equal(TraineeStage.Attested, (await portal.WithDbAsync(db => db.ReadinessSummaries.SingleAsync(s => s.TraineeId == review.TraineeId))).Stage);

        var progress = await (await portal.SignedInAsync(PhysicianWithoutPoint)).GetDocumentAsync("/Progress");
        var shown = progress.QuerySelector("#attestations .network-review")!;
        Assert.Equal("ChangesRequested", shown.GetAttribute("data-decision"));
        Assert.Contains("The network asked for changes", shown.TextContent);
        Assert.Contains(note, shown.TextContent);
    }

    [Fact]
    public async Task Packet_without_points_is_accepted_at_once_with_an_optional_note()
    {
        var id = await AttestationIdAsync(PhysicianWithoutPoint);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var page = await staff.GetDocumentAsync($"{Queue}/Review/{id}");
        Assert.Contains("The engine leaves nothing on G3", page.QuerySelector("#review-points .empty-state")!.TextContent);

        var accepted = await staff.SubmitAsync(page, "#accept-form", new Dictionary<string, string> { ["Decision.AcceptNote"] = "  Clean packet.  " });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var review = await portal.WithDbAsync(db => db.PacketReviews.SingleAsync());
        Assert.Equal((PacketDecision.Accepted, "Clean packet."), (review.Decision, review.Note));
    }

    [Fact]
    public async Task Queue_with_every_packet_decided_shows_an_empty_state_and_the_decisions()
    {
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        foreach (var physician in new[] { PhysicianWithPoint, PhysicianWithoutPoint })
        {
            var page = await staff.GetDocumentAsync($"{Queue}/Review/{await AttestationIdAsync(physician)}");
            var response = await staff.SubmitAsync(page, "#changes-form", new Dictionary<string, string> { ["Decision.ChangesNote"] = "Please add the course certificate." });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var queue = await staff.GetDocumentAsync(Queue);

        Assert.Null(queue.QuerySelector("#queue"));
        Assert.Contains("No attested packets are waiting.", queue.QuerySelector("section[aria-labelledby='waiting-heading'] .empty-state")!.TextContent);
        Assert.Equal(["ChangesRequested", "ChangesRequested"], queue.QuerySelectorAll("#decided tbody tr").Select(r => r.GetAttribute("data-decision")));
    }

    [Fact]
    public async Task Second_decision_from_a_page_opened_before_the_first_is_refused_and_nothing_contradictory_is_saved()
    {
        var id = await AttestationIdAsync(PhysicianWithoutPoint);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var secondStaff = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var first = await staff.GetDocumentAsync($"{Queue}/Review/{id}");
        var second = await secondStaff.GetDocumentAsync($"{Queue}/Review/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(first, "#accept-form", new Dictionary<string, string>())).StatusCode);

        var late = await secondStaff.SubmitAsync(second, "#changes-form", new Dictionary<string, string> { ["Decision.ChangesNote"] = "Missing certificate." });
        var doubleClick = await staff.SubmitAsync(first, "#accept-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Jordan Blake (network staff) decided this packet", (await HtmlForms.ParseAsync(late)).QuerySelector("[role='alert']")!.TextContent);
        // The same form sent again is answered with the first decision's result (requirement 43).
        Assert.Equal((HttpStatusCode.Redirect, "/Network/Packets"), (doubleClick.StatusCode, doubleClick.Headers.Location?.OriginalString));
        var review = await portal.WithDbAsync(db => db.PacketReviews.SingleAsync());
        Assert.Equal(PacketDecision.Accepted, review.Decision);
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.SubjectType == "packet_review")));
    }

    [Fact]
    public async Task Two_staff_members_deciding_at_the_same_moment_save_one_decision()
    {
        var id = await AttestationIdAsync(PhysicianWithoutPoint);
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);
        var secondStaff = await portal.SignedInAsync(DemoAccounts.SecondStaff);
        var first = await staff.GetDocumentAsync($"{Queue}/Review/{id}");
        var second = await secondStaff.GetDocumentAsync($"{Queue}/Review/{id}");

        var responses = await Task.WhenAll(
            staff.SubmitAsync(first, "#accept-form", new Dictionary<string, string>()),
            secondStaff.SubmitAsync(second, "#changes-form", new Dictionary<string, string> { ["Decision.ChangesNote"] = "Missing certificate." }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await portal.WithDbAsync(db => db.PacketReviews.CountAsync()));
        Assert.Equal(1, await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.SubjectType == "packet_review")));
    }

    [Theory]
    [InlineData(DemoAccounts.Preceptor)]
    [InlineData(PhysicianWithPoint)]
    [InlineData(DemoAccounts.Coordinator)]
    public async Task Other_roles_are_refused(string email)
    {
        var id = await AttestationIdAsync(PhysicianWithPoint);
        var client = await portal.SignedInAsync(email);

        foreach (var response in new[] { await client.GetAsync(Queue), await client.GetAsync($"{Queue}/Review/{id}"), await PostAcceptAsync(client, id) })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }

        Assert.Equal(0, await portal.WithDbAsync(db => db.PacketReviews.CountAsync()));
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var client = portal.CreateBrowserLikeClient();

        var response = await client.GetAsync($"{Queue}/Review/{await AttestationIdAsync(PhysicianWithPoint)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Unknown_or_withdrawn_attestation_is_not_found()
    {
        var id = await AttestationIdAsync(PhysicianWithPoint);
        await portal.WithDbAsync(async db =>
        {
            var attestation = await db.Attestations.SingleAsync(a => a.Id == id);
            db.Attestations.Add(attestation.Withdraw(Guid.CreateVersion7(), attestation.SignerUserId, attestation.SignerPrintedName, "Signed too early.", DateTimeOffset.UtcNow, "America/Denver"));
            return await db.SaveChangesAsync();
        });
        var staff = await portal.SignedInAsync(DemoAccounts.Staff);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{Queue}/Review/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{Queue}/Review/{id}")).StatusCode);
        Assert.Single((await staff.GetDocumentAsync(Queue)).QuerySelectorAll("#queue tbody tr"));
    }

    private Task<Guid> AttestationIdAsync(string physicianEmail) =>
        portal.WithDbAsync(db => db.Attestations
            .Where(a => a.WithdrawsAttestationId == null && db.Trainees.Any(t => t.Id == a.TraineeId && db.Users.Any(u => u.Id == t.UserId && u.Email == physicianEmail)))
            .Select(a => a.Id).SingleAsync());

    private static Task<HttpResponseMessage> CloseFirstPointAsync(HttpClient client, IHtmlDocument page, string justification) =>
        client.SubmitAsync(page, "#review-points form.close-point", new Dictionary<string, string> { ["Close.Justification"] = justification });

    /// <summary>A post straight at the accept handler, with the client's own antiforgery token (from the sign-out form).</summary>
    private static async Task<HttpResponseMessage> PostAcceptAsync(HttpClient client, Guid id)
    {
        var page = await client.GetDocumentAsync("/Centers");
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        return await client.PostAsync($"{Queue}/Review/{id}?handler=Accept", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
    }

    private async Task AssertAuditedAsync(AuditAction action, string subjectType, Guid subjectId, string actorUserId)
    {
        var entry = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == action));
        Assert.Equal((subjectType, subjectId.ToString(), actorUserId), (entry.SubjectType, entry.SubjectId, entry.ActorUserId));
        Assert.NotNull(entry.AfterSha256);
    }
}
