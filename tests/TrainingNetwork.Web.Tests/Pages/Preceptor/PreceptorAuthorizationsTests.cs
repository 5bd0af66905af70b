using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Pages.Preceptor;

public sealed class PreceptorAuthorizationsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Verified_demo_listing_is_shown_with_the_date_it_was_verified()
    {
        var client = await portal.SignedInAsync(ReviewData.Preceptor);

        var page = await client.GetDocumentAsync("/Preceptor/Authorizations");

        var row = Assert.Single(page.QuerySelectorAll("#authorizations tbody tr"));
        Assert.StartsWith("Verified on ", row.QuerySelector(".verification")!.TextContent);
        Assert.Contains("You can review cases in categories G1, G2, G3", page.QuerySelector("#review-standing")!.TextContent);
    }

    [Fact]
    public async Task New_listing_is_saved_with_its_license_page_and_shown_as_waiting_for_staff()
    {
        var (email, _) = await portal.AddUnverifiedPreceptorAsync();
        var client = await portal.SignedInAsync(email);

        var response = await AddAsync(client, Pdf);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var userId = await portal.UserIdAsync(email);
        var listing = await portal.WithDbAsync(db => db.PracticeAuthorizations.AsNoTracking().SingleAsync(a => a.UserId == userId && a.License == "MO-24-555"));
        Assert.Equal(("35.396", VerificationStatus.Unverified), (listing.Basis, listing.Verification));
        Assert.Equal(["G3"], listing.Categories);
        Assert.Equal(userId, await portal.WithDbAsync(db => db.Documents.Where(d => d.Id == listing.LicenseDocumentId).Select(d => d.OwnerUserId).SingleAsync()));

        var page = await client.GetDocumentAsync("/Preceptor/Authorizations");
        var rows = page.QuerySelectorAll("#authorizations tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal("Waiting for network staff to check it against the license page", row.QuerySelector(".verification")!.TextContent));
        Assert.Contains("You cannot review cases yet", page.QuerySelector("#review-standing")!.TextContent);
    }

    [Fact]
    public async Task Each_verification_step_is_described_in_plain_words()
    {
        var (email, _) = await portal.AddUnverifiedPreceptorAsync();
        var userId = await portal.UserIdAsync(email);
        var staff = await portal.UserIdAsync("staff@trainingnetwork.test");
        var client = await portal.SignedInAsync(email);

        await ChangeListingAsync(userId, a => a.RecordFirstCheck(staff, DateTimeOffset.UtcNow));
        var firstCheck = await client.GetDocumentAsync("/Preceptor/Authorizations");
        await ChangeListingAsync(userId, a => a.Reject(staff, "The license page lists another physician.", DateTimeOffset.UtcNow));
        var rejected = await client.GetDocumentAsync("/Preceptor/Authorizations");

        Assert.Equal("Checked once; waiting for a second staff member", firstCheck.QuerySelector("#authorizations .verification")!.TextContent);
        Assert.Equal("Rejected: The license page lists another physician.", rejected.QuerySelector("#authorizations .verification")!.TextContent);
    }

    [Fact]
    public async Task Listing_without_its_license_page_is_refused_and_nothing_saved()
    {
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var userId = await portal.UserIdAsync(ReviewData.Preceptor);

        var response = await AddAsync(client, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Upload the license page", (await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.File']")!.TextContent);
        Assert.Equal(1, await portal.WithDbAsync(db => db.PracticeAuthorizations.CountAsync(a => a.UserId == userId)));
    }

    [Fact]
    public async Task Another_persons_listing_cannot_be_removed()
    {
        var physician = await portal.UserIdAsync(ReviewData.Physician);
        var theirs = await portal.WithDbAsync(db => db.PracticeAuthorizations.Where(a => a.UserId == physician).Select(a => a.Id).SingleAsync());
        var client = await portal.SignedInAsync(ReviewData.Preceptor);
        var page = await client.GetDocumentAsync("/Preceptor/Authorizations");

        var response = await client.PostAsync($"/Preceptor/Authorizations?handler=Remove&id={theirs}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("form#add-authorization input[name='__RequestVerificationToken']")!.GetAttribute("value")!,
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.PracticeAuthorizations.AnyAsync(a => a.Id == theirs)));
    }

    private async Task ChangeListingAsync(string userId, Action<PracticeAuthorization> change) =>
        await portal.WithDbAsync(async db =>
        {
            change(await db.PracticeAuthorizations.SingleAsync(a => a.UserId == userId));
            return await db.SaveChangesAsync();
        });

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, byte[]? file)
    {
        var page = await client.GetDocumentAsync("/Preceptor/Authorizations");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("form#add-authorization input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(page.QuerySelector("form#add-authorization input[name='IdempotencyKey']")!.GetAttribute("value")!), "IdempotencyKey" },
            { new StringContent("35.396"), "Input.Basis" },
            { new StringContent("G3"), "Input.Categories" },
            { new StringContent("MO-24-555"), "Input.License" },
            { new StringContent("Nrc"), "Input.Regulator" },
            { new StringContent("Listed"), "Input.Status" },
            { new StringContent("2019-06-01"), "Input.ListedFrom" },
        };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Input.File", "license page.pdf");
        }

        return await client.PostAsync("/Preceptor/Authorizations?handler=Add", form);
    }
}
