using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class WaitlistFlowTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private const string Physician = "trainee01@trainingnetwork.test"; // practises in MO, in the Midwest; no placement yet
    private const string GreatLakes = "Great Lakes Theranostics";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Physician_joins_the_waitlist_and_accepts_the_place_offered_when_one_opens()
    {
        await SetG3SlotsAsync(center => center.Name == GreatLakes ? 0 : null);
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(Physician, DemoAccounts.Password);
            await page.GotoAsync("/Placements/Waitlist");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "National waitlist", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Region")).ToHaveValueAsync("Midwest");
            await Expect(page.GetByLabel("Category")).ToHaveValueAsync("G3");
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Join the waitlist" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You joined the Midwest waitlist for G3");
            await Expect(page.Locator(".waitlist-position")).ToHaveTextAsync("Number 1 in line");
            await Expect(page.Locator(".waitlist-offer")).ToHaveCountAsync(0);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("waitlist-joined");

            // A place opens at Great Lakes (Ann Arbor, MI), and a waitlist round offers it.
            await SetG3SlotsAsync(center => center.Name == GreatLakes ? 1 : null);
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Waitlist>().RunAsync(CancellationToken.None);
            }

            await page.ReloadAsync();
            var offer = page.Locator(".waitlist-offer");
            await Expect(offer).ToContainTextAsync($"{GreatLakes} offers you a place in G3.");
            await Expect(offer).ToContainTextAsync("(in 2 days 23 hours)");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("waitlist-offer");

            var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
            await offer.GetByLabel("Start date").FillAsync(start.ToString("yyyy-MM-dd"));
            await offer.GetByRole(AriaRole.Button, new() { Name = $"Accept the place at {GreatLakes}" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My placements", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"You accepted the G3 place at {GreatLakes}, starting {start:d MMM yyyy}.");
            var placement = page.Locator(".placements > li").Filter(new() { HasText = GreatLakes });
            await Expect(placement.Locator(".placement-status")).ToHaveTextAsync("Accepted");
            await Expect(placement).ToContainTextAsync($"you start on {start:d MMM yyyy}");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        });
    }

    /// <summary>Sets the G3 slots of the centers <paramref name="slots"/> names; every other center is left full (no place open).</summary>
    private async Task SetG3SlotsAsync(Func<Center, int?> slots)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var center in await db.Centers.Include(c => c.Capacities).ToListAsync())
        {
            var placed = await db.Placements.CountAsync(p => p.CenterId == center.Id && p.Status == PlacementStatus.Accepted);
            center.SetCategoryCapacity(Guid.NewGuid(), "G3", slots(center) ?? placed, 8);
        }

        await db.SaveChangesAsync();
    }
}
