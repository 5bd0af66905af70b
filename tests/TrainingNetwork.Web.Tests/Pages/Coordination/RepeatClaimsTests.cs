using System.Net;
using System.Security.Cryptography;
using System.Text;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;
using static TrainingNetwork.Web.Tests.Pages.Coordination.CoordinationTestData;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

/// <summary>
/// Administrations claimed by more trainees than the center's policy allows (demo policy: one trainee). The demo cases
/// all have their own patient, so each test logs the shared ones it needs.
/// </summary>
public sealed class RepeatClaimsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Kwame = DemoAccounts.Trainee; // Dr. Kwame Mensah
    private const string Sofia = "trainee15@trainingnetwork.test"; // Dr. Sofia Marino
    private const string Benjamin = "trainee16@trainingnetwork.test"; // Dr. Benjamin Cho
    private const string Pluvicto = "Lu-177 vipivotide tetraxetan (Pluvicto)";
    private const string Lakeshore = "Lakeshore Cancer Institute";

    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
    private static readonly string Patient = TokenOf("patient A");

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Without_repeat_claims_the_page_says_so_and_my_center_shows_no_badge()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var page = await client.GetDocumentAsync(await portal.PageUrlAsync("Claims", Gateway));
        var index = await client.GetDocumentAsync("/Coordination");

        Assert.Contains("No administration is claimed by more than one trainee", page.QuerySelector(".empty-state")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".repeat-claim"));
        Assert.Null(index.QuerySelector(".repeat-claims-count"));
        Assert.Null(index.QuerySelector(".repeat-claims-alert"));
    }

    [Fact]
    public async Task Two_trainees_claiming_one_administration_are_flagged_without_showing_the_token()
    {
        await ClaimAsync(Kwame, Lutathera, Day, Patient);
        await ClaimAsync(Sofia, Lutathera, Day, Patient, submit: true);
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);

        var page = await client.GetDocumentAsync(await portal.PageUrlAsync("Claims", Gateway));

        var flagged = Assert.Single(page.QuerySelectorAll(".repeat-claim"));
        Assert.Contains(Day.ToString("d MMM yyyy"), flagged.TextContent);
        Assert.Contains(Lutathera, flagged.TextContent);
        Assert.Equal($"{Patient[..8]}…", flagged.QuerySelector(".token-prefix")!.TextContent);
        Assert.Equal(["Dr. Kwame Mensah", "Dr. Sofia Marino"], flagged.QuerySelectorAll(".physician").Select(td => td.TextContent));
        Assert.Equal(["Draft", "Submitted"], flagged.QuerySelectorAll(".case-status").Select(td => td.TextContent));
        Assert.DoesNotContain(Patient[..9], page.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='{await portal.PageUrlAsync("Capacity", Gateway)}#claim-policy']"));
    }

    [Fact]
    public async Task My_center_shows_the_count_of_flagged_administrations_for_that_center_only()
    {
        await ClaimAsync(Kwame, Lutathera, Day, Patient);
        await ClaimAsync(Sofia, Lutathera, Day, Patient);
        await ClaimAsync(Kwame, Pluvicto, Day, TokenOf("patient B"));
        await ClaimAsync(Benjamin, Pluvicto, Day, TokenOf("patient B"));

        var gateway = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync("/Coordination");
        var bluegrass = await (await portal.SignedInAsync(BluegrassCoordinator)).GetDocumentAsync("/Coordination");

        Assert.Equal("2 to check", gateway.QuerySelector($"section[aria-label='{Gateway}'] .repeat-claims-count")!.TextContent);
        Assert.Contains("2 administration(s)", gateway.QuerySelector(".repeat-claims-alert")!.TextContent);
        Assert.Null(bluegrass.QuerySelector(".repeat-claims-count"));
    }

    [Fact]
    public async Task Claims_that_differ_in_trainee_date_agent_patient_or_center_are_not_flagged()
    {
        await ClaimAsync(Kwame, Lutathera, Day, Patient);
        await ClaimAsync(Kwame, Lutathera, Day, Patient); // the same trainee twice
        await ClaimAsync(Sofia, Lutathera, Day.AddDays(-1), Patient);
        await ClaimAsync(Benjamin, Pluvicto, Day, Patient);
        await ClaimAsync(Sofia, Lutathera, Day, TokenOf("patient B"));
        await ClaimAsync(Benjamin, Lutathera, Day, null);
        await ClaimAsync(Sofia, Lutathera, Day, null);
        await ClaimAsync(Benjamin, Lutathera, Day, Patient, center: Lakeshore);

        var page = await (await portal.SignedInAsync(DemoAccounts.Coordinator)).GetDocumentAsync(await portal.PageUrlAsync("Claims", Gateway));

        Assert.Empty(page.QuerySelectorAll(".repeat-claim"));
        Assert.NotNull(page.QuerySelector(".empty-state"));
    }

    [Fact]
    public async Task A_policy_that_allows_the_claims_clears_them_and_only_more_claims_flag_again()
    {
        await ClaimAsync(Kwame, Lutathera, Day, Patient);
        await ClaimAsync(Sofia, Lutathera, Day, Patient);
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var claimsUrl = await portal.PageUrlAsync("Claims", Gateway);
        Assert.Single((await client.GetDocumentAsync(claimsUrl)).QuerySelectorAll(".repeat-claim"));

        var saved = await client.SubmitAsync(await client.GetDocumentAsync(await portal.PageUrlAsync("Capacity", Gateway)), "#policy-form",
            new Dictionary<string, string> { ["Policy.MaxTraineesPerAdministration"] = "2" });
        var allowed = await client.GetDocumentAsync(claimsUrl);
        await ClaimAsync(Benjamin, Lutathera, Day, Patient);
        var third = await client.GetDocumentAsync(claimsUrl);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(allowed.QuerySelectorAll(".repeat-claim"));
        Assert.Contains("more than 2 trainees", allowed.QuerySelector(".empty-state")!.TextContent);
        var flagged = Assert.Single(third.QuerySelectorAll(".repeat-claim"));
        Assert.Contains("Claimed by 3 trainees; the policy allows 2.", flagged.TextContent);
    }

    [Fact]
    public async Task Only_the_centers_coordinator_may_open_the_page()
    {
        var url = await portal.PageUrlAsync("Claims", Gateway);

        var anonymous = await portal.CreateBrowserLikeClient().GetAsync(url);
        var trainee = await (await portal.SignedInAsync(DemoAccounts.Trainee)).GetAsync(url);
        var preceptor = await (await portal.SignedInAsync(DemoAccounts.Preceptor)).GetAsync(url);
        var otherCenter = await (await portal.SignedInAsync(BluegrassCoordinator)).GetAsync(url);

        Assert.Equal("/Identity/Account/Login", anonymous.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/Identity/Account/AccessDenied", trainee.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/Identity/Account/AccessDenied", preceptor.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, otherCenter.StatusCode);
    }

    /// <summary>Logs a case of <paramref name="trainee"/> at Gateway (or <paramref name="center"/>) for the given administration.</summary>
    private async Task ClaimAsync(string trainee, string agent, DateOnly day, string? patientToken, bool submit = false, string center = Gateway)
    {
        var traineeId = await portal.TraineeIdAsync(trainee);
        var userId = await portal.UserIdOfAsync(trainee);
        var centerId = await portal.CenterIdAsync(center);
        var supervisor = await portal.UserIdOfAsync(center == Gateway ? DemoAccounts.Preceptor : "preceptor1.lakeshore@trainingnetwork.test");
        await portal.ChangeAsync(db =>
        {
            var claim = new SupervisedCase(
                Guid.NewGuid(), traineeId, centerId, supervisor, day, agent, "Lu-177", AdministrationRoute.Intravenous, 7400m,
                writtenDirectiveRequired: true, personalParticipation: true, patientToken, note: null, userId, DateTimeOffset.UtcNow);
            if (submit)
            {
                claim.Submit(userId, DateTimeOffset.UtcNow);
            }

            db.Cases.Add(claim);
            return Task.CompletedTask;
        });
    }

    private static string TokenOf(string pseudonym) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pseudonym)));
}
