using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class ReadinessCheckerTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private static readonly string[] Topics =
        ["Radiation physics and instrumentation", "Radiation protection", "Mathematics of radioactivity", "Chemistry of byproduct material", "Radiation biology"];

    [Fact]
    public async Task A_physician_fills_the_quick_check_and_sees_what_is_missing_with_citations()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Check what you still need" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Readiness checker", Level = 1 })).ToBeVisibleAsync();

            await page.GetByLabel("State of the license").FillAsync("MO");
            await page.GetByLabel("I am already an AU under").SelectOptionAsync("35.490");
            await page.GetByLabel("Listed since").FillAsync("2020-01-01");
            foreach (var topic in Topics)
            {
                await page.GetByLabel(topic).FillAsync("16");
            }

            await page.GetByLabel("Classroom training completed on").FillAsync("2026-03-01");
            foreach (var element in await page.Locator("input[id^='element-']").AllAsync())
            {
                await element.CheckAsync();
            }

            await page.GetByLabel("My preceptor has been listed as an AU for (G)(3) since").FillAsync("2015-01-01");
            await page.GetByLabel("Case 1 date").FillAsync("2026-05-10");
            await page.GetByLabel("Case 1 radiopharmaceutical").SelectOptionAsync("Lu-177 dotatate (Lutathera)");
            await page.GetByLabel("Case 1 activity in MBq").FillAsync("7400");
            await page.GetByLabel("Case 1 signed off by the preceptor").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Check my readiness" }).ClickAsync();

            var g3 = page.Locator("article[data-category='G3']");
            await Expect(g3).ToHaveAttributeAsync("data-status", "NOT_QUALIFIED");
            await Expect(g3.Locator("li[data-code='CASES_MIN']")).ToContainTextAsync("10 CFR 35.396(b)(2)(vi)");
            await Expect(g3.Locator("li[data-code='ATTESTATION_MISSING']")).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("readiness-checker-result");
        });
    }
}
