using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;
using WebTests = TrainingNetwork.Web.Tests.Pages.Network;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class PacketReviewTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_closes_the_point_to_judge_and_accepts_the_packet_then_the_physician_sees_it()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);
            await page.GotoAsync("/Network/Packets");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Readiness reviews", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("packet-queue");

            await page.GetByRole(AriaRole.Link, new() { Name = $"Review the packet of {WebTests.PacketReviewTests.PhysicianWithPointName}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Packet of {WebTests.PacketReviewTests.PhysicianWithPointName}", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#accept-blockers")).ToContainTextAsync("G3 has 1 point to judge still open");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept the packet" })).ToBeDisabledAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("packet-review");

            await page.GetByRole(AriaRole.Button, new() { Name = "Close this point" }).ClickAsync();
            await Expect(page.Locator("[data-valmsg-for='Close.Justification']")).ToContainTextAsync("Write why this point is acceptable");
            await page.GetByLabel("Justification for closing this point").FillAsync(
                "Related experience since: eight work-experience elements and three supervised Lu-177 cases in the last six months.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Close this point" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is closed with your justification");
            await Expect(page.Locator("#review-points .closure")).ToContainTextAsync("Closed by Jordan Blake (network staff)");
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Accept the packet" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The packet of {WebTests.PacketReviewTests.PhysicianWithPointName} is accepted.");
            await Expect(page.Locator("#decided tr[data-decision='Accepted']")).ToContainTextAsync(WebTests.PacketReviewTests.PhysicianWithPointName);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("packet-queue-decided");
        });

        var physician = await browser.NewPageAsync(portal.BaseAddress);
        await physician.RecordingFailureAsync(async () =>
        {
            await physician.SignInAsync(WebTests.PacketReviewTests.PhysicianWithPoint, DemoAccounts.Password);
            await physician.GotoAsync("/Progress");
            await Expect(physician.Locator("#attestations .network-review")).ToContainTextAsync("Accepted by the network");
            await physician.AssertNoSeriousAccessibilityViolationsAsync();
            await physician.SaveScreenshotAsync("progress-packet-accepted");
        });
    }

    [Fact]
    public async Task Queue_and_review_pages_read_well_on_a_phone()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 812);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.SecondStaff, DemoAccounts.Password);
            await page.GotoAsync("/Network/Packets");
            await Expect(page.Locator("#queue tbody tr").First).ToContainTextAsync("signed");
            await AssertNoSidewaysScrollingAsync(page);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("packet-queue-375");

            await page.GetByRole(AriaRole.Link, new() { Name = $"Review the packet of {WebTests.PacketReviewTests.PhysicianWithPointName}" }).ClickAsync();
            await Expect(page.Locator("#review-points [data-point]")).ToHaveCountAsync(1);
            await AssertNoSidewaysScrollingAsync(page);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("packet-review-375");
        });
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page) =>
        Assert.False(
            await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth"),
            $"{page.Url} scrolls sideways at 375 px.");
}
