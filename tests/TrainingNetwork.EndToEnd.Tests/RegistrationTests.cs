using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class RegistrationTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task New_physician_registers_confirms_through_the_development_mailbox_and_fills_the_profile()
    {
        var email = $"e2e.{Guid.NewGuid():N}@example.org";
        const string password = "a long enough passphrase";
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.GotoAsync("/Identity/Account/Register");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.GetByLabel("Full name").FillAsync("Dr. Elena Browser");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
            await page.GetByLabel("Repeat the password").FillAsync(password);
            await page.GetByLabel("Specialty").FillAsync("Nuclear medicine");
            await page.GetByLabel("State where you practise").SelectOptionAsync("MO");
            await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail", Level = 1 })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "development mailbox" }).ClickAsync();
            await page.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).GetByRole(AriaRole.Link).ClickAsync();
            await page.Locator("a.mail-link").ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Thank you for confirming your email");

            await page.SignInAsync(email, password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My progress", Level = 1 })).ToBeVisibleAsync();

            await page.GotoAsync("/Profile/Edit");
            await page.GetByLabel("NPI (National Provider Identifier)").FillAsync("1234567893");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile was saved.");

            await page.GotoAsync("/Profile/Licenses");
            await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync("MO");
            await page.GetByLabel("License number").FillAsync("2019-004321");
            await page.GetByLabel("Expires on (optional)").FillAsync("2030-06-30");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add license" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your MO license was added.");
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GotoAsync("/Profile");
            await Expect(page.Locator("#npi")).ToHaveTextAsync("1234567893");
            await Expect(page.Locator("#licenses")).ToContainTextAsync("MO 2019-004321");
            await Expect(page.Locator("[data-pathway]")).ToHaveCountAsync(2);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("profile-new-physician");
        });
    }
}
