using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Attestations;

/// <summary>
/// trainee19 (stage 6 of the demo) has three approved Lu-177 cases at Great Lakes and a completed placement: the engine
/// finds only the attestation missing for G3.
/// </summary>
public sealed class SignAttestationTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public const string ReadyTrainee = "trainee19@trainingnetwork.test";
    public const string GreatLakesPreceptor = "preceptor1.greatlakes@trainingnetwork.test";
    private const string NotReadyTrainee = "trainee17@trainingnetwork.test"; // stage 5 at Front Range: one case still awaits review
    private const string FrontRangePreceptor = "preceptor1.frontrange@trainingnetwork.test";
    private const string GreatLakesDirector = "preceptor2.greatlakes@trainingnetwork.test";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Demo_trainee19_lacks_only_the_attestation_for_G3()
    {
        var result = await EvaluateAsync(ReadyTrainee);

        var g3 = Assert.Single(result.Categories);
        Assert.Equal(UseCategory.G3, g3.Category);
        Assert.All(g3.Unmet, f => Assert.Equal(ReasonCode.AttestationMissing, f.Code));
    }

    [Fact]
    public async Task Index_lists_the_ready_physician_for_a_preceptor_of_their_center()
    {
        var client = await portal.SignedInAsync(GreatLakesPreceptor);

        var page = await client.GetDocumentAsync("/Attestations");

        var row = page.QuerySelector($"tr[data-trainee='{await TraineeIdAsync(ReadyTrainee)}']");
        Assert.NotNull(row);
        Assert.Equal("true", row.GetAttribute("data-ready"));
    }

    [Fact]
    public async Task Signing_with_password_and_code_stores_the_versioned_statement_and_evidence_hash()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}");
        var expectedText = AttestationStatements.PreceptorAu("Dr. Fatima Zahra", Pathway.Section396, [UseCategory.G3]);
        Assert.Equal(expectedText, page.QuerySelector("#statement")!.TextContent);

        var response = await SignAsync(client, page, CurrentCode(), "Europe/Berlin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await AttestationsOfAsync(traineeId));
        Assert.Equal($"/Attestations/Details/{stored.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(expectedText, stored.StatementText);
        Assert.Equal(AttestationStatements.CurrentVersion, stored.StatementVersion);
        Assert.Equal(["G3"], stored.Categories);
        Assert.Equal(SignedAttestation.Sha256(stored.EvidenceSnapshot), stored.EvidenceSha256);
        Assert.Contains("\"requested_categories\"", stored.EvidenceSnapshot);
        Assert.Equal(TimeSpan.Zero, stored.SignedAt.Offset);
        Assert.True(DateTimeOffset.UtcNow - stored.SignedAt < TimeSpan.FromMinutes(1));
        Assert.Equal("Europe/Berlin", stored.SignerTimeZone);
        Assert.Equal(12, stored.VerificationCode.Length);
        Assert.Equal("Dr. Laura Jensen", stored.SignerPrintedName);
        Assert.Equal("Authorized User, 10 CFR 35.390 (G1, G2, G3)", stored.SignerCredentials);
        Assert.Equal("21-04430-02", stored.SignerLicense);
        Assert.Equal(AttestationStatements.Meaning("Dr. Laura Jensen"), stored.Meaning);

        var details = await client.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Equal(stored.VerificationCode, details.QuerySelector("#verification-code")!.TextContent);
        Assert.Equal(stored.EvidenceSha256, details.QuerySelector("#evidence-hash")!.TextContent);
        Assert.NotNull(details.QuerySelector($"a[href='/Attestations/Packet/{stored.Id}']"));
    }

    [Fact]
    public async Task After_signing_the_physician_sees_G3_qualified()
    {
        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{await TraineeIdAsync(ReadyTrainee)}");
        await SignAsync(client, page, CurrentCode());

        var progress = await (await portal.SignedInAsync(ReadyTrainee)).GetDocumentAsync("/Progress");

        Assert.Equal("QUALIFIED", progress.QuerySelector("article[data-category='G3']")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_counted_and_nothing_is_saved()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}");

        var response = await SignAsync(client, page, CurrentCode(), password: "not-the-password");

        var answer = await HtmlForms.ParseAsync(response);
        Assert.Contains("The password is not correct.", answer.Body!.TextContent);
        Assert.Empty(await AttestationsOfAsync(traineeId));
        Assert.Equal(1, await AccessFailedCountAsync(GreatLakesPreceptor));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_nothing_is_saved()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}");

        var response = await SignAsync(client, page, WrongCode());

        Assert.Contains("The code is not correct", (await HtmlForms.ParseAsync(response)).Body!.TextContent);
        Assert.Empty(await AttestationsOfAsync(traineeId));
    }

    [Fact]
    public async Task A_code_signs_once()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        var code = CurrentCode();
        await SignAsync(client, await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}"), code);
        var signed = Assert.Single(await AttestationsOfAsync(traineeId));

        var withdraw = await client.GetDocumentAsync($"/Attestations/Withdraw/{signed.Id}");
        var response = await client.SubmitAsync(withdraw, "form#withdraw", Fields(code, ("Input.Reason", "Signed for the wrong physician.")));

        Assert.Contains("This code has already been used.", (await HtmlForms.ParseAsync(response)).Body!.TextContent);
        Assert.Single(await AttestationsOfAsync(traineeId));
    }

    [Fact]
    public async Task A_preceptor_of_another_center_gets_not_found()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var get = await client.GetAsync($"/Attestations/Sign/{traineeId}");
        var post = await client.PostAsync($"/Attestations/Sign/{traineeId}", new FormUrlEncodedContent(
            Fields(CurrentCode(), ("__RequestVerificationToken", await TokenAsync(client)), ("IdempotencyKey", Guid.NewGuid().ToString()))));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await AttestationsOfAsync(traineeId));
    }

    [Fact]
    public async Task The_physician_cannot_open_the_signing_page()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(ReadyTrainee);

        var response = await client.GetAsync($"/Attestations/Sign/{traineeId}");

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync("/Attestations");

        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_unverified_preceptor_is_told_so_and_cannot_sign()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var preceptorId = await UserIdAsync(db, GreatLakesPreceptor);
            await db.Database.ExecuteSqlAsync($"UPDATE practice_authorizations SET verification = 'Unverified' WHERE user_id = {preceptorId}");
        }

        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}");
        var post = await client.PostAsync($"/Attestations/Sign/{traineeId}", new FormUrlEncodedContent(
            Fields(CurrentCode(), ("__RequestVerificationToken", await TokenAsync(client)), ("IdempotencyKey", Guid.NewGuid().ToString()), ("Input.Categories", "G3"))));

        Assert.Null(page.QuerySelector("form#sign"));
        Assert.Contains("once network staff have verified", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Empty(await AttestationsOfAsync(traineeId));
    }

    [Fact]
    public async Task A_physician_missing_more_than_the_attestation_is_not_ready()
    {
        var traineeId = await TraineeIdAsync(NotReadyTrainee);
        var client = await portal.SignedInAsync(FrontRangePreceptor);

        var page = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}");
        var post = await client.PostAsync($"/Attestations/Sign/{traineeId}", new FormUrlEncodedContent(
            Fields(CurrentCode(), ("__RequestVerificationToken", await TokenAsync(client)), ("IdempotencyKey", Guid.NewGuid().ToString()), ("Input.Categories", "G3"))));

        Assert.NotNull(page.QuerySelector("#not-ready"));
        Assert.Null(page.QuerySelector("form#sign"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Empty(await AttestationsOfAsync(traineeId));
    }

    [Fact]
    public async Task A_preceptor_without_an_authenticator_is_sent_to_set_one_up()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var preceptorId = await UserIdAsync(db, GreatLakesPreceptor);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AspNetUserTokens\" WHERE user_id = {preceptorId}");
        }

        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{await TraineeIdAsync(ReadyTrainee)}");

        Assert.Null(page.QuerySelector("form#sign"));
        Assert.NotNull(page.QuerySelector("#no-authenticator a[href='/Identity/Account/Manage/EnableAuthenticator']"));
    }

    [Fact]
    public async Task Withdrawing_adds_a_record_and_the_engine_stops_counting_the_attestation()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        await SignAsync(client, await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}"), CurrentCode());
        var signed = Assert.Single(await AttestationsOfAsync(traineeId));

        var withdraw = await client.GetDocumentAsync($"/Attestations/Withdraw/{signed.Id}");
        var response = await client.SubmitAsync(withdraw, "form#withdraw", Fields(NextCode(), ("Input.Reason", "Signed for the wrong physician.")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var records = await AttestationsOfAsync(traineeId);
        Assert.Equal(2, records.Count);
        var withdrawal = Assert.Single(records, r => r.IsWithdrawal);
        Assert.Equal(signed.Id, withdrawal.WithdrawsAttestationId);
        Assert.Equal("Signed for the wrong physician.", withdrawal.StatementText);
        var original = Assert.Single(records, r => !r.IsWithdrawal);
        Assert.Equal(signed.StatementText, original.StatementText);
        Assert.Equal(signed.SignedAt, original.SignedAt);
        var g3 = Assert.Single((await EvaluateAsync(ReadyTrainee)).Categories);
        Assert.Contains(g3.Unmet, f => f.Code == ReasonCode.AttestationMissing);
        var details = await client.GetDocumentAsync($"/Attestations/Details/{signed.Id}");
        Assert.NotNull(details.QuerySelector("#withdrawn"));
    }

    [Fact]
    public async Task Details_are_for_the_signer_the_physician_and_staff_only()
    {
        var client = await portal.SignedInAsync(GreatLakesPreceptor);
        await SignAsync(client, await client.GetDocumentAsync($"/Attestations/Sign/{await TraineeIdAsync(ReadyTrainee)}"), CurrentCode());
        var id = Assert.Single(await AttestationsOfAsync(await TraineeIdAsync(ReadyTrainee))).Id;
        var url = $"/Attestations/Details/{id}";

        Assert.Equal(HttpStatusCode.OK, (await (await portal.SignedInAsync(ReadyTrainee)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await portal.SignedInAsync(DemoAccounts.Staff)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignedInAsync(DemoAccounts.Trainee)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignedInAsync(DemoAccounts.Preceptor)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_residency_program_director_signs_with_a_concurring_faculty_AU_and_the_engine_accepts_it()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        await MakeProgramDirectorWithoutOwnListingAsync(GreatLakesDirector);
        var facultyId = await UserIdAsync(GreatLakesPreceptor);
        var client = await portal.SignedInAsync(GreatLakesDirector);

        var choice = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}");
        Assert.Null(choice.QuerySelector("form#sign"));
        Assert.NotNull(choice.QuerySelector($"form#sign-as option[value='{facultyId}']"));
        var page = await client.GetDocumentAsync($"/Attestations/Sign/{traineeId}?faculty={facultyId}");
        var expectedText = AttestationStatements.ResidencyProgramDirector("Dr. Fatima Zahra", Pathway.Section396, [UseCategory.G3], "Dr. Laura Jensen");
        Assert.Equal(expectedText, page.QuerySelector("#statement")!.TextContent);

        var response = await SignAsync(client, page, CurrentCode());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await AttestationsOfAsync(traineeId));
        Assert.Equal(AttestationType.ResidencyProgramDirector, stored.Type);
        Assert.Equal(facultyId, stored.ConcurringFacultyUserId);
        Assert.Equal(expectedText, stored.StatementText);
        Assert.Equal("21-04430-02", stored.SignerLicense);
        Assert.StartsWith("Residency program director; concurring faculty: Dr. Laura Jensen", stored.SignerCredentials);
        var g3 = Assert.Single((await EvaluateAsync(ReadyTrainee)).Categories);
        Assert.Equal(ReadinessStatus.Qualified, g3.Status);
    }

    [Fact]
    public async Task A_program_director_cannot_name_faculty_from_another_center()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        await MakeProgramDirectorWithoutOwnListingAsync(GreatLakesDirector);
        var client = await portal.SignedInAsync(GreatLakesDirector);
        var outsider = await UserIdAsync(FrontRangePreceptor);

        var get = await client.GetAsync($"/Attestations/Sign/{traineeId}?faculty={outsider}");
        var post = await client.PostAsync($"/Attestations/Sign/{traineeId}", new FormUrlEncodedContent(
            Fields(CurrentCode(), ("__RequestVerificationToken", await TokenAsync(client)), ("IdempotencyKey", Guid.NewGuid().ToString()), ("Faculty", outsider), ("Input.Categories", "G3"))));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await AttestationsOfAsync(traineeId));
    }

    [Fact]
    public async Task A_preceptor_not_recorded_as_program_director_cannot_sign_as_one()
    {
        var traineeId = await TraineeIdAsync(ReadyTrainee);
        var client = await portal.SignedInAsync(GreatLakesDirector);

        var response = await client.GetAsync($"/Attestations/Sign/{traineeId}?faculty={await UserIdAsync(GreatLakesPreceptor)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The coordinator marks the preceptor as program director on the roster; their own listing is withdrawn from verification.</summary>
    private async Task MakeProgramDirectorWithoutOwnListingAsync(string email)
    {
        var userId = await UserIdAsync(email);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE practice_authorizations SET verification = 'Unverified' WHERE user_id = {userId}");
        }

        var coordinator = await portal.SignedInAsync("coordinator.greatlakes@trainingnetwork.test");
        var centerId = await CenterIdAsync(email);
        var roster = await coordinator.GetDocumentAsync($"/Coordination/Roster/{centerId}");
        var membershipId = roster.QuerySelectorAll("li[data-membership]")
            .Single(li => li.TextContent.Contains(email, StringComparison.Ordinal)).GetAttribute("data-membership");
        var response = await coordinator.SubmitAsync(roster, $"li[data-membership='{membershipId}'] form[action*='ProgramDirector']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await coordinator.GetDocumentAsync($"/Coordination/Roster/{centerId}");
        Assert.NotNull(after.QuerySelector($"li[data-membership='{membershipId}'] .program-director"));
    }

    public static string CurrentCode() => Totp().ComputeTotp(DateTime.UtcNow);

    private static string NextCode() => Totp().ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    /// <summary>A code outside every time step Identity accepts around now.</summary>
    private static string WrongCode()
    {
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp().ComputeTotp(DateTime.UtcNow.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(n => $"{n}{n}{n}{n}{n}{n}").First(code => !accepted.Contains(code));
    }

    private static Totp Totp() => new(Base32Encoding.ToBytes(DemoAccounts.PreceptorAuthenticatorKey));

    private static Dictionary<string, string> Fields(string code, params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Password"] = DemoAccounts.Password,
            ["Input.Code"] = code,
            ["Input.TimeZone"] = "America/Chicago",
        };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    private static Task<HttpResponseMessage> SignAsync(
        HttpClient client, IHtmlDocument page, string code, string timeZone = "America/Chicago", string password = DemoAccounts.Password) =>
        client.SubmitAsync(page, "form#sign", Fields(code, ("Input.Password", password), ("Input.TimeZone", timeZone), ("Input.Categories", "G3")));

    /// <summary>An antiforgery token of this client's session (from the layout's sign-out form).</summary>
    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/Attestations")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    private async Task<Guid> TraineeIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await UserIdAsync(db, email);
        return await db.Trainees.Where(t => t.UserId == userId).Select(t => t.Id).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await UserIdAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), email);
    }

    private async Task<Guid> CenterIdAsync(string preceptorEmail)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await UserIdAsync(db, preceptorEmail);
        return await db.CenterMemberships.Where(m => m.UserId == userId).Select(m => m.CenterId).SingleAsync();
    }

    private static Task<string> UserIdAsync(AppDbContext db, string email) =>
        db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    private async Task<List<SignedAttestation>> AttestationsOfAsync(Guid traineeId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Attestations.AsNoTracking().Where(a => a.TraineeId == traineeId).ToListAsync();
    }

    private async Task<int> AccessFailedCountAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync();
    }

    private async Task<ReadinessResult> EvaluateAsync(string email)
    {
        var traineeId = await TraineeIdAsync(email);
        await using var scope = portal.Services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<TraineeRecordLoader>().LoadAsync(traineeId, DateOnly.FromDateTime(DateTime.UtcNow));
        return ReadinessEngine.Evaluate(record!);
    }
}
