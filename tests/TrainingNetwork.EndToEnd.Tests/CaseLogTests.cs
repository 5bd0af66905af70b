using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class CaseLogTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Physician_logs_and_submits_a_case_with_the_keyboard_well_under_a_minute()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
            await page.GotoAsync("/Cases");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Log a case" }).ClickAsync();
            await Expect(page.GetByLabel("Date of administration")).ToBeFocusedAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            var keyboard = Stopwatch.StartNew();
            // Chromium's date field takes month, day and year in turn.
            await page.Keyboard.TypeAsync(DateTime.UtcNow.AddDays(-1).ToString("MMddyyyy", CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab"); // the field's calendar button
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByLabel("Radiopharmaceutical")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("Lu-177 v");
            await Expect(page.Locator("#agent-nuclide")).ToHaveTextAsync("Lu-177");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("7.4");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("G");
            // Written directive, participation, preceptor (filled in from the last case), pseudonym, note, then the first button.
            for (var i = 0; i < 6; i++)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My cases", Level = 1 })).ToBeVisibleAsync();
            keyboard.Stop();

            Assert.True(keyboard.Elapsed < TimeSpan.FromSeconds(20), $"Logging a case took {keyboard.Elapsed.TotalSeconds:0.0} s at the keyboard.");
            var newest = page.Locator("#cases tbody tr").First;
            await Expect(newest).ToContainTextAsync("Lu-177 vipivotide tetraxetan (Pluvicto)");
            await Expect(newest).ToContainTextAsync("7,400");
            await Expect(newest.Locator(".case-status")).ToHaveTextAsync("Submitted");

            await newest.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
            await Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        });
    }

    [Fact]
    public async Task Case_form_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
            await page.GotoAsync("/Cases/Create");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a case", Level = 1 })).ToBeVisibleAsync();

            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The case form scrolls sideways at phone width ({scrollWidth}px).");
            await page.SaveScreenshotAsync("cases-create-375px");
        });
    }
}
