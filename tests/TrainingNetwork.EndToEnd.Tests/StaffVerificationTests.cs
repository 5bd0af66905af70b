using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

/// <summary>
/// Two-person verification in the browser: a preceptor adds a listing with its license page, one staff member records the
/// first check, a second confirms it, and the preceptor sees the listing verified.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class StaffVerificationTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private const string Preceptor = "preceptor2.lakeshore@trainingnetwork.test";
    private const string License = "IL-24-0815";
    private const int PhoneWidth = 375;

    private static readonly byte[] LicensePagePdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_staff_members_verify_a_preceptors_new_listing()
    {
        var preceptor = await browser.NewPageAsync(portal.BaseAddress);
        await preceptor.RecordingFailureAsync(async () =>
        {
            await preceptor.SignInAsync(Preceptor, DemoAccounts.Password);
            await AddListingAsync(preceptor);
        });

        await AsStaffAsync(DemoAccounts.Staff, async page =>
        {
            var row = await OpenQueueRowAsync(page, "#first-check");
            await page.SaveScreenshotAsync("staff-verification-1-queue");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("#verification-status")).ToHaveTextAsync("Waiting for a first check");
            await Expect(page.Locator("#listing-facts")).ToContainTextAsync(License);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open the license page" })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("staff-verification-2-first-check");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record first check" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was checked once against its license page");

            // The first checker is never offered the confirmation.
            await (await OpenQueueRowAsync(page, "#confirmation")).GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("#first-checker-note")).ToContainTextAsync("A second, different staff member must confirm it");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm" })).ToHaveCountAsync(0);
        });

        await AsStaffAsync(DemoAccounts.SecondStaff, async page =>
        {
            var row = await OpenQueueRowAsync(page, "#confirmation");
            await Expect(row).ToContainTextAsync("Jordan Blake");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("#history")).ToContainTextAsync("First check by Jordan Blake (network staff)");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("staff-verification-3-confirm");
            var listingUrl = page.Url;
            await LookAtPhoneWidthAsync(listingUrl);

            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("verified: the second check confirmed the first");
            await Expect(page.Locator("#first-check .empty-state")).ToBeVisibleAsync();
            await Expect(page.Locator("#confirmation .empty-state")).ToBeVisibleAsync();

            await page.GotoAsync(listingUrl);
            await Expect(page.Locator("#verification-status")).ToHaveTextAsync("Verified");
            await Expect(page.Locator("#history")).ToContainTextAsync("Confirmed by Casey Morgan (network staff)");
            await Expect(page.Locator("#rights-today")).ToContainTextAsync("Yes:");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("staff-verification-4-verified");
        });

        await preceptor.RecordingFailureAsync(async () =>
        {
            await preceptor.ReloadAsync();
            var listing = preceptor.GetByRole(AriaRole.Row).Filter(new() { HasText = License });
            await Expect(listing.Locator(".verification")).ToContainTextAsync("Verified on ");
        });
        await preceptor.Context.CloseAsync();
    }

    /// <summary>Adds a 35.396 listing with its license page on the preceptor's own listings page.</summary>
    private static async Task AddListingAsync(IPage page)
    {
        await page.GotoAsync("/Preceptor/Authorizations");
        await page.GetByLabel("Listed under 10 CFR").SelectOptionAsync("35.396");
        await page.GetByLabel("G3").CheckAsync();
        await page.GetByLabel("License or permit number").FillAsync(License);
        await page.GetByLabel("Regulator").SelectOptionAsync(new SelectOptionValue { Label = "NRC" });
        await page.GetByLabel("Listed from").FillAsync("2021-04-01");
        await page.GetByLabel("License page").SetInputFilesAsync(new FilePayload { Name = "license-page.pdf", MimeType = "application/pdf", Buffer = LicensePagePdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add listing" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your 10 CFR 35.396 authorization was added.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = License }).Locator(".verification"))
            .ToHaveTextAsync("Waiting for network staff to check it against the license page");
    }

    /// <summary>Opens the queue from the staff pages' navigation and finds the new listing in a section; checks the page with axe.</summary>
    private static async Task<ILocator> OpenQueueRowAsync(IPage page, string section)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Network staff pages" }).GetByRole(AriaRole.Link, new() { Name = "Preceptor verification" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preceptor verification", Level = 1 })).ToBeVisibleAsync();
        var row = page.Locator($"{section} tbody tr").Filter(new() { HasText = License });
        await Expect(row).ToHaveCountAsync(1);
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        return row;
    }

    private async Task AsStaffAsync(string email, Func<IPage, Task> steps)
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(email, DemoAccounts.Password);
            await page.GotoAsync("/Network/Verification");
            await steps(page);
        });
        await page.Context.CloseAsync();
    }

    /// <summary>The queue and the listing waiting for confirmation at phone width: for people to look at, and for axe.</summary>
    private async Task LookAtPhoneWidthAsync(string listingUrl)
    {
        var phone = await browser.NewPageAsync(portal.BaseAddress, width: PhoneWidth, height: 800);
        await phone.RecordingFailureAsync(async () =>
        {
            await phone.SignInAsync(DemoAccounts.SecondStaff, DemoAccounts.Password);
            await phone.GotoAsync("/Network/Verification");
            await phone.AssertNoSeriousAccessibilityViolationsAsync();
            await phone.SaveScreenshotAsync("staff-verification-5-queue-375");
            await phone.GotoAsync(listingUrl);
            await phone.AssertNoSeriousAccessibilityViolationsAsync();
            await phone.SaveScreenshotAsync("staff-verification-6-listing-375");
        });
        await phone.Context.CloseAsync();
    }
}
