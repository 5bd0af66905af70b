using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class CenterManagementTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private const string Gateway = "Gateway Theranostics Center";
    private const string Lutathera = "Lu-177 dotatate (Lutathera)";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Coordinator_changes_a_capacity_and_invites_a_preceptor()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My center", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Edit profile" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Center profile", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Center name")).ToHaveValueAsync(Gateway);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("coordination-profile");

            var centerPages = page.GetByRole(AriaRole.Navigation, new() { Name = $"Pages of {Gateway}" });
            await centerPages.GetByRole(AriaRole.Link, new() { Name = "Therapies" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Therapies and capacity", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.GetByLabel($"Cases a month for {Lutathera}", new() { Exact = true }).FillAsync("9");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Save cases a month for {Lutathera}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Lutathera} now offers 9 cases a month.");
            await Expect(page.GetByLabel($"Cases a month for {Lutathera}", new() { Exact = true })).ToHaveValueAsync("9");
            await page.SaveScreenshotAsync("coordination-therapies");

            await centerPages.GetByRole(AriaRole.Link, new() { Name = "Roster" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preceptor roster", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.GetByLabel("E-mail address").FillAsync("dr.invited@example.org");
            await page.GetByLabel("Full name (for a new account)").FillAsync("Dr. Ines Invited");
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dr. Ines Invited was invited");
            var invited = page.Locator(".roster > li").Filter(new() { HasText = "Dr. Ines Invited" });
            await Expect(invited).ToContainTextAsync("Invited; has not set a password yet");
            await Expect(invited).ToContainTextAsync("No AU listing recorded yet");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("coordination-roster");

            await centerPages.GetByRole(AriaRole.Link, new() { Name = "Trainees" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trainees", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("table.trainees")).ToContainTextAsync("Not yet qualified");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("coordination-trainees");
        });
    }

    [Fact]
    public async Task Center_pages_fit_a_phone_screen()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
            foreach (var (link, heading) in new[] { ("Roster", "Preceptor roster"), ("Therapies", "Therapies and capacity") })
            {
                await page.GotoAsync("/Coordination");
                await page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();

                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= 375, $"{heading} scrolls sideways at phone width ({scrollWidth}px).");
                await page.SaveScreenshotAsync($"coordination-{link.ToLowerInvariant()}-375px");
            }
        });
    }
}
