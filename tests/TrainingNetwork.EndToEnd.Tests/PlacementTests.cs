using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class PlacementTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private const string ClassroomDone = "trainee07@trainingnetwork.test";
    private const string Cascade = "Cascade Radiopharmaceutical Therapy Center";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Physician_finds_a_center_by_region_and_requests_a_placement()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(ClassroomDone, DemoAccounts.Password);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Centers" }).ClickAsync();
            await page.GetByLabel("Region").SelectOptionAsync("West");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show centers" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3 centers" })).ToBeVisibleAsync();
            Assert.Contains("region=West", page.Url);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("centers-directory-west-1280px");

            await page.GetByRole(AriaRole.Link, new() { Name = Cascade }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Cascade, Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("center-details-cascade");

            await page.GetByRole(AriaRole.Link, new() { Name = "Request a placement" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Request a placement", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45);
            await page.GetByLabel("Preferred start date").FillAsync(start.ToString("yyyy-MM-dd"));
            await page.SaveScreenshotAsync("placement-request");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My placements", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was sent to " + Cascade);
            var placement = page.Locator(".placements > li").Filter(new() { HasText = Cascade });
            await Expect(placement.Locator(".placement-status")).ToHaveTextAsync("Requested");
            await Expect(placement).ToContainTextAsync("preferred start " + start.ToString("d MMM yyyy"));
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("my-placements-requested");
        });
    }

    [Fact]
    public async Task Directory_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(ClassroomDone, DemoAccounts.Password);
            await page.GotoAsync("/Centers");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "8 centers" })).ToBeVisibleAsync();

            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The directory scrolls sideways at phone width ({scrollWidth}px).");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("centers-directory-375px");
        });
    }
}
