using Microsoft.Playwright;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Pages.Reviews;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class AuditAndAdminTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_member_finds_the_audit_chain_intact_on_a_desktop_and_a_phone()
    {
        var preceptor = await portal.UserIdAsync(DemoAccounts.Preceptor);
        await portal.WithDbAsync(db =>
        {
            db.Audit(preceptor, AuditAction.CaseApproved, "case", Guid.NewGuid(), new { Status = "Submitted" }, new { Status = "Approved" },
                "Case of 2026-02-27 (Lu-177 dotatate (Lutathera)) approved");
            db.Audit(preceptor, AuditAction.CaseReturned, "case", Guid.NewGuid(), new { Status = "Submitted" }, new { Status = "Returned" },
                "Case of 2026-02-28 (Lu-177 dotatate (Lutathera)) returned with a note");
            db.Audit(null, AuditAction.ListingLapsed, "listing", Guid.NewGuid(), new { Status = "Verified" }, new { Status = "Lapsed" },
                "AU listing lapsed: the license expired");
            return db.SaveChangesAsync();
        });

        foreach (var (width, name) in new[] { (1280, "audit-trail"), (375, "audit-trail-375px") })
        {
            var page = await browser.NewPageAsync(portal.BaseAddress, width: width, height: 800);
            await page.RecordingFailureAsync(async () =>
            {
                await page.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);
                await page.GotoAsync("/Network/Audit");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 })).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Network staff pages" }).GetByRole(AriaRole.Link, new() { Name = "Audit trail" }))
                    .ToHaveAttributeAsync("aria-current", "page");
                await Expect(page.Locator("#chain-status")).ToContainTextAsync("The chain is intact.");
                await Expect(page.Locator("#entry-count")).ToHaveTextAsync("3");
                await Expect(page.Locator("#head-hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
                await Expect(page.Locator("#entries tbody tr")).ToHaveCountAsync(3);
                await page.AssertNoSeriousAccessibilityViolationsAsync();

                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"The audit trail scrolls sideways at {width}px ({scrollWidth}px).");
                await page.SaveScreenshotAsync(name);
            });
        }
    }

    [Fact]
    public async Task Admin_invites_a_staff_member()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Role").SelectOptionAsync("Staff");
            await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
            await Expect(page.Locator("#accounts tbody tr")).ToHaveCountAsync(3);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("admin-accounts");

            await page.GetByRole(AriaRole.Link, new() { Name = "Invite staff or an admin" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invite staff or an admin", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("E-mail address").FillAsync("dr.new.staff@example.org");
            await page.GetByLabel("Full name (for a new account)").FillAsync("Dr. Sam Newhire");
            await Expect(page.GetByLabel("Network staff", new() { Exact = true })).ToBeCheckedAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("admin-invite");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dr. Sam Newhire", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dr. Sam Newhire was invited as network staff");
            await Expect(page.Locator("tr[data-role='Staff'] .held")).ToHaveTextAsync("Yes");
            await Expect(page.Locator("#history tbody tr")).ToContainTextAsync("Dr. Sam Newhire invited as network staff (new account)");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("admin-account");
        });
    }

    [Fact]
    public async Task Administration_pages_fit_a_phone_screen()
    {
        var staff = await portal.UserIdAsync(DemoAccounts.Staff);
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password);
            foreach (var (url, name) in new[] { ("/Admin", "admin-accounts-375px"), ("/Admin/Invite", "admin-invite-375px"), ($"/Admin/Account/{staff}", "admin-account-375px") })
            {
                await page.GotoAsync(url);
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= 375, $"{url} scrolls sideways at phone width ({scrollWidth}px).");
                await page.SaveScreenshotAsync(name);
            }
        });
    }
}
