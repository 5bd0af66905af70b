using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Pages.Attestations;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class AttestationTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Preceptor_signs_for_a_ready_physician_with_password_and_authenticator_code()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(SignAttestationTests.GreatLakesPreceptor, DemoAccounts.Password);
            await page.GotoAsync("/Attestations");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("attestations-index");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ready: sign for G3" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign the attestation for Dr. Fatima Zahra", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#statement")).ToContainTextAsync("has satisfactorily completed the requirements in 10 CFR 35.396");
            // The zone list starts at the browser's own zone when it knows it, else at the default.
            var browserZone = await page.EvaluateAsync<string>("Intl.DateTimeFormat().resolvedOptions().timeZone");
            Assert.Contains(await page.GetByLabel("Your time zone").InputValueAsync(), new[] { browserZone, "America/Chicago" });
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("attestation-sign");

            await page.GetByLabel("Your password").FillAsync(DemoAccounts.Password);
            await page.GetByLabel("Authenticator code").FillAsync(SignAttestationTests.CurrentCode());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign the attestation" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed attestation", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#verification-code")).ToHaveTextAsync(new Regex("^[2-9A-Z]{12}$"));
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the packet (PDF)" })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("attestation-details");
        });
    }
}
