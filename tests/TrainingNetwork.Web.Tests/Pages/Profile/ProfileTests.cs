using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Profile;

public sealed class ProfileTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public static TheoryData<string> ProfilePages => ["/Profile", "/Profile/Edit", "/Profile/Licenses", "/Profile/Boards", "/Profile/Authorizations"];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(ProfilePages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(ProfilePages))]
    public async Task Preceptor_is_refused(string path)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var response = await client.GetAsync(path);

        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Summary_shows_details_and_eligibility_for_both_pathways()
    {
        var page = await (await portal.SignedInAsync(DemoAccounts.Trainee)).GetDocumentAsync("/Profile");

        Assert.Equal("My profile", page.Heading());
        Assert.Contains("Radiation oncology", page.Body!.TextContent);
        Assert.Equal(["35.396", "35.390"], page.QuerySelectorAll("[data-pathway]").Select(a => a.GetAttribute("data-pathway")!));
        Assert.Contains("35.490", page.QuerySelector("#authorizations")!.TextContent);
    }

    [Fact]
    public async Task Physician_chooses_35_390_with_two_categories()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);
        var page = await client.GetDocumentAsync("/Profile");

        var response = await client.SubmitAsync(page, "form#choose-pathway", new Dictionary<string, string>
        {
            ["Choice.Pathway"] = "35.390",
            ["Choice.Categories[0]"] = "G1",
            ["Choice.Categories[1]"] = "G3",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var trainee = await TraineeAsync(DemoAccounts.Trainee);
        Assert.Equal(Pathway.Section390, trainee.Pathway);
        Assert.Equal(["G1", "G3"], trainee.RequestedCategories);
        Assert.Equal("G1, G3", (await client.GetDocumentAsync("/Profile")).QuerySelector("#chosen-categories")!.TextContent);
    }

    [Fact]
    public async Task Pathway_35_390_without_a_category_is_refused_and_nothing_saved()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);
        var page = await client.GetDocumentAsync("/Profile");

        var response = await client.SubmitAsync(page, "form#choose-pathway", new Dictionary<string, string> { ["Choice.Pathway"] = "35.390" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("choose at least one category", (await HtmlForms.ParseAsync(response)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(Pathway.Section396, (await TraineeAsync(DemoAccounts.Trainee)).Pathway);
    }

    [Fact]
    public async Task Wrong_npi_check_digit_is_refused_and_nothing_saved()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);
        var page = await client.GetDocumentAsync("/Profile/Edit");

        var response = await client.SubmitAsync(page, "form#edit-profile", new Dictionary<string, string>
        {
            ["Input.Npi"] = "1234567890",
            ["Input.Specialty"] = "Changed specialty",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.Npi']")!.TextContent;
        Assert.Equal("Enter the 10-digit NPI; its check digit does not match.", message);
        var trainee = await TraineeAsync(DemoAccounts.Trainee);
        Assert.Null(trainee.Npi);
        Assert.Equal("Radiation oncology", trainee.Specialty);
    }

    [Fact]
    public async Task Valid_details_are_saved_on_the_user_and_the_profile()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);
        var page = await client.GetDocumentAsync("/Profile/Edit");

        var response = await client.SubmitAsync(page, "form#edit-profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Dr. Renamed Physician",
            ["Input.Npi"] = "1234567893",
            ["Input.Specialty"] = "Nuclear medicine",
            ["Input.PracticeState"] = "il",
        });

        Assert.Equal("/Profile", response.Headers.Location?.OriginalString);
        var trainee = await TraineeAsync(DemoAccounts.Trainee);
        Assert.Equal(("1234567893", "Nuclear medicine", "IL"), (trainee.Npi, trainee.Specialty, trainee.PracticeState));
        var summary = await client.GetDocumentAsync("/Profile");
        Assert.Contains("Dr. Renamed Physician", summary.Body!.TextContent);
        Assert.Equal("1234567893", summary.QuerySelector("#npi")!.TextContent);
    }

    [Fact]
    public async Task License_is_added_once_per_state_and_removed()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);
        var values = new Dictionary<string, string> { ["Input.State"] = "MO", ["Input.Number"] = "2019-001234", ["Input.ExpiresOn"] = "2030-01-31" };

        var added = await client.SubmitAsync(await client.GetDocumentAsync("/Profile/Licenses"), "form#add-license", values);
        var twice = await client.SubmitAsync(await client.GetDocumentAsync("/Profile/Licenses"), "form#add-license", values);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("already recorded a license for this state", (await HtmlForms.ParseAsync(twice)).QuerySelector("[data-valmsg-for='Input.State']")!.TextContent);
        var traineeId = (await TraineeAsync(DemoAccounts.Trainee)).Id;
        var license = Assert.Single(await QueryAsync(db => db.StateMedicalLicenses.Where(l => l.TraineeId == traineeId).ToListAsync()));
        Assert.Equal(("MO", "2019-001234", new DateOnly(2030, 1, 31)), (license.State, license.Number, license.ExpiresOn));

        var list = await client.GetDocumentAsync("/Profile/Licenses");
        var removed = await client.SubmitAsync(list, $"form[action*='{license.Id}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await QueryAsync(db => db.StateMedicalLicenses.Where(l => l.TraineeId == traineeId).ToListAsync()));
    }

    [Fact]
    public async Task Another_physicians_license_cannot_be_removed()
    {
        var owner = await portal.SignedInAsync(DemoAccounts.Trainee);
        await owner.SubmitAsync(await owner.GetDocumentAsync("/Profile/Licenses"), "form#add-license",
            new Dictionary<string, string> { ["Input.State"] = "MO", ["Input.Number"] = "A-1" });
        var ownerId = (await TraineeAsync(DemoAccounts.Trainee)).Id;
        var license = await QueryAsync(db => db.StateMedicalLicenses.SingleAsync(l => l.TraineeId == ownerId));
        var other = await portal.SignedInAsync("trainee01@trainingnetwork.test");
        var otherPage = await other.GetDocumentAsync("/Profile/Licenses");

        var attempt = await other.PostAsync($"/Profile/Licenses?handler=Remove&id={license.Id}",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", otherPage.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)]));

        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        Assert.NotNull(await QueryAsync(db => db.StateMedicalLicenses.SingleOrDefaultAsync(l => l.Id == license.Id)));
    }

    [Fact]
    public async Task Board_certificate_is_saved_with_its_recognition()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await client.SubmitAsync(await client.GetDocumentAsync("/Profile/Boards"), "form#add-board", new Dictionary<string, string>
        {
            ["Input.Board"] = "American Board of Nuclear Medicine",
            ["Input.Specialty"] = "Nuclear medicine",
            ["Input.IssuedOn"] = "2015-06-01",
            ["Input.RecognizedUnder[0]"] = "35.390",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var traineeId = (await TraineeAsync(DemoAccounts.Trainee)).Id;
        var board = Assert.Single(await QueryAsync(db => db.BoardCertificates.Where(b => b.TraineeId == traineeId).ToListAsync()));
        Assert.Equal(["35.390"], board.RecognizedUnder);
        Assert.Contains("ABR certificates issued after 2023", (await client.GetDocumentAsync("/Profile/Boards")).Body!.TextContent);
    }

    [Fact]
    public async Task Board_certificate_from_the_future_or_with_markup_is_refused()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await client.SubmitAsync(await client.GetDocumentAsync("/Profile/Boards"), "form#add-board", new Dictionary<string, string>
        {
            ["Input.Board"] = "<b>Board</b>",
            ["Input.Specialty"] = "Nuclear medicine",
            ["Input.IssuedOn"] = "2999-01-01",
        });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("cannot be in the future", page.QuerySelector("[data-valmsg-for='Input.IssuedOn']")!.TextContent);
        Assert.Contains("angle-bracket markup", page.QuerySelector("[data-valmsg-for='Input.Board']")!.TextContent);
        Assert.Equal(0, await QueryAsync(db => db.BoardCertificates.CountAsync()));
    }


    private Task<TraineeProfile> TraineeAsync(string email) =>
        QueryAsync(db => db.Trainees.SingleAsync(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email)));

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
