using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed partial class NetworkDashboardTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task Staff_reads_the_dashboard_narrows_it_to_a_state_and_downloads_an_export()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Network overview", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Physicians by stage" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Physicians by stage" })).ToContainTextAsync("Registered");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("network-dashboard");

            await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync("MO");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(MissouriFilter());
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Physicians by practice state" }).Locator("tbody tr")).ToHaveCountAsync(1);
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Export as CSV" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("State", new() { Exact = true })).ToHaveValueAsync("MO");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("network-exports");
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Button, new() { Name = "Download readiness (CSV)" }).ClickAsync());
            Assert.Matches(@"^readiness-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        });
    }

    [Fact]
    public async Task Dashboard_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Network overview", Level = 1 })).ToBeVisibleAsync();

            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The dashboard scrolls sideways at phone width ({scrollWidth}px).");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("network-dashboard-375px");
        });
    }

    [GeneratedRegex("state=MO")]
    private static partial Regex MissouriFilter();
}
