using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Profile;

public sealed class AuthorizationsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Listing_is_saved_with_its_license_page_and_only_the_owner_or_staff_can_download_it()
    {
        var owner = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await AddAsync(owner, Pdf, "license page.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var userId = await UserIdAsync(DemoAccounts.Trainee);
        var listing = await QueryAsync(db => db.PracticeAuthorizations.SingleAsync(a => a.UserId == userId && a.Basis == "35.390"));
        Assert.Equal(["G1", "G3"], listing.Categories);
        Assert.Equal(("IL-01-234", Regulator.AgreementState, "IL"), (listing.License, listing.Regulator, listing.State));
        var documentId = listing.LicenseDocumentId!.Value;
        Assert.Equal(userId, await QueryAsync(db => db.Documents.Where(d => d.Id == documentId).Select(d => d.OwnerUserId).SingleAsync()));

        var download = await owner.GetAsync($"/Documents/Show/{documentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignedInAsync("trainee01@trainingnetwork.test")).GetAsync($"/Documents/Show/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SignedInAsync(DemoAccounts.Preceptor)).GetAsync($"/Documents/Show/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await portal.SignedInAsync(DemoAccounts.Staff)).GetAsync($"/Documents/Show/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.CreateBrowserLikeClient().GetAsync($"/Documents/Show/{documentId}")).StatusCode);
    }

    [Fact]
    public async Task Text_file_renamed_to_pdf_is_refused_and_nothing_saved()
    {
        var response = await AddAsync(await portal.SignedInAsync(DemoAccounts.Trainee), "just some text, not a PDF"u8.ToArray(), "license.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Upload a PDF, PNG or JPEG file.", await FileMessageAsync(response));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Fifty_megabyte_upload_is_refused_with_a_clear_message()
    {
        var huge = new byte[50 * 1024 * 1024];
        Pdf.CopyTo(huge, 0);

        var client = await portal.SignedInAsync(DemoAccounts.Trainee);
        var response = await AddAsync(client, huge, "huge.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("The file is larger than 10 MB.", await FileMessageAsync(page));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Listing_posted_without_the_antiforgery_token_is_refused()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await client.PostAsync("/Profile/Authorizations?handler=Add", new MultipartFormDataContent { { new ByteArrayContent(Pdf), "Input.File", "a.pdf" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Listing_without_its_license_page_is_refused()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Trainee);

        var response = await AddAsync(client, null, null);

        Assert.Contains("Upload the license page", await FileMessageAsync(response));
        await AssertNothingSavedAsync();
    }

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, byte[]? file, string? fileName)
    {
        var page = await client.GetDocumentAsync("/Profile/Authorizations");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("form#add-authorization input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(page.QuerySelector("form#add-authorization input[name='IdempotencyKey']")!.GetAttribute("value")!), "IdempotencyKey" },
            { new StringContent("35.390"), "Input.Basis" },
            { new StringContent("G1"), "Input.Categories" },
            { new StringContent("G3"), "Input.Categories" },
            { new StringContent("IL-01-234"), "Input.License" },
            { new StringContent("AgreementState"), "Input.Regulator" },
            { new StringContent("IL"), "Input.State" },
            { new StringContent("Listed"), "Input.Status" },
            { new StringContent("2020-03-01"), "Input.ListedFrom" },
        };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Input.File", fileName!);
        }

        return await client.PostAsync("/Profile/Authorizations?handler=Add", form);
    }

    private static async Task<string> FileMessageAsync(HttpResponseMessage response) =>
        (await HtmlForms.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.File']")!.TextContent;

    private async Task AssertNothingSavedAsync()
    {
        var userId = await UserIdAsync(DemoAccounts.Trainee);
        Assert.Equal(0, await QueryAsync(db => db.PracticeAuthorizations.CountAsync(a => a.UserId == userId && a.Basis == "35.390")));
        Assert.Equal(0, await QueryAsync(db => db.Documents.CountAsync(d => d.OwnerUserId == userId)));
    }


    private Task<string> UserIdAsync(string email) => QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
