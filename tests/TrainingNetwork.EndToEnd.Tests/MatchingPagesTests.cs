using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

/// <summary>The matching pages of issue 8 as each role reaches them from the navigation, checked with axe and photographed.</summary>
[Collection(SharedBrowser.Name)]
public sealed class MatchingPagesTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task Physician_finds_where_they_can_finish_from_their_placements()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Placements" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Where can I finish?" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where can I finish?", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("Gateway Theranostics Center");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("finish-ranking");
        });
    }

    [Fact]
    public async Task Where_can_I_finish_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
            await page.GotoAsync("/Placements/Finish");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where can I finish?", Level = 1 })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The page scrolls sideways at phone width ({scrollWidth}px).");
            await page.SaveScreenshotAsync("finish-ranking-375px");
        });
    }

    [Fact]
    public async Task Coordinator_reads_the_capacity_and_repeat_claims_of_their_center()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "Capacity" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Capacity per category", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("coordination-capacity");

            await page.GetByRole(AriaRole.Link, new() { Name = "Repeat claims" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Repeat claims", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        });
    }

    [Fact]
    public async Task Staff_read_supply_and_demand_the_waitlist_and_a_physicians_ranking()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);
            await page.GetByRole(AriaRole.Link, new() { Name = "Supply and demand" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Supply and demand of supervised cases", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img).First).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("network-supply");

            await page.GetByRole(AriaRole.Link, new() { Name = "Waitlist", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "National waitlist", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Where can they finish?" }).ClickAsync();
            await page.Locator("#physicians tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("finish?");
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Rule set applied to" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rule set of");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("network-rule-set");
        });
    }

    [Fact]
    public async Task Admin_reads_the_jurisdictions_and_one_states_history()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);
            await page.GotoAsync("/Admin/Index");
            await page.GetByRole(AriaRole.Link, new() { Name = "Jurisdictions and rule sets" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jurisdictions", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("admin-jurisdictions");

            await page.GotoAsync("/Admin/Jurisdiction/CT");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jurisdiction: CT", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table).First).ToContainTextAsync("2025-09-30");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("admin-jurisdiction-ct");
        });
    }
}
