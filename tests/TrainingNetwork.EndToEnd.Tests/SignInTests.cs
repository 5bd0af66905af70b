using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class SignInTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    public static TheoryData<string, string> DemoSignIns => new()
    {
        { DemoAccounts.Trainee, "My progress" },
        { DemoAccounts.Preceptor, "Case reviews" },
        { DemoAccounts.Coordinator, "My center" },
        { DemoAccounts.Staff, "Network overview" },
        { DemoAccounts.Admin, "Administration" },
    };

    [Theory]
    [MemberData(nameof(DemoSignIns))]
    public async Task Each_demo_role_signs_in_through_the_form_and_lands_on_its_home_page(string email, string heading)
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(email, DemoAccounts.Password);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync(email);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync($"home-{email.Split('@')[0]}");
        });
    }

    [Fact]
    public async Task Wrong_password_is_explained_and_the_person_stays_on_the_form()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Preceptor, "not-the-password");

            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Login_page_passes_the_accessibility_scan_and_lists_demo_sign_ins()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.GotoAsync("/Identity/Account/Login");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo sign-ins (Development only)" })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        });
    }

    [Fact]
    public async Task Phone_width_home_page_collapses_navigation_behind_a_menu_button()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My center", Level = 1 })).ToBeVisibleAsync();

            var menu = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
            await Expect(menu).ToBeVisibleAsync();
            await menu.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = DemoAccounts.Coordinator }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The page scrolls sideways at phone width ({scrollWidth}px).");
            await page.SaveScreenshotAsync("coordinator-375px");
        });
    }

    [Fact]
    public async Task Keyboard_user_can_skip_to_the_main_content()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.GotoAsync("/");
            await page.Keyboard.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
            await Expect(skip).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main")).ToBeFocusedAsync();
        });
    }
}
