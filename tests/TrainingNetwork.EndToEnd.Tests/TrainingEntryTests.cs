using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class TrainingEntryTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Provider = "SNMMI radiopharmaceutical therapy course";

    [Fact]
    public async Task A_physician_adds_16_hours_in_each_topic_by_keyboard_and_sees_80_hours()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync("trainee01@trainingnetwork.test", DemoAccounts.Password);
            await page.GotoAsync("/Training");
            await Expect(page.Locator(".empty-state").First).ToContainTextAsync("No classroom hours recorded yet");
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Add classroom hours" }).ClickAsync();
            var completedOn = DateTime.UtcNow.AddDays(-30);
            for (var topic = 0; topic < 5; topic++)
            {
                var topicSelect = page.GetByLabel("Topic");
                await Expect(topicSelect).ToBeFocusedAsync();
                for (var step = 0; step <= topic; step++)
                {
                    await page.Keyboard.PressAsync("ArrowDown");
                }

                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.TypeAsync("16");
                if (topic == 0)
                {
                    await page.Keyboard.PressAsync("Tab");
                    await page.Keyboard.TypeAsync(completedOn.ToString("MMddyyyy"));
                    await TabToAsync(page, page.GetByLabel("Provider", new() { Exact = true }));
                    await page.Keyboard.TypeAsync(Provider);
                    await page.AssertNoSeriousAccessibilityViolationsAsync();
                }

                if (topic < 4)
                {
                    await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save and add another" }));
                    await page.Keyboard.PressAsync("Enter");
                    await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved 16 clock hours");
                    await Expect(page.GetByLabel("Provider", new() { Exact = true })).ToHaveValueAsync(Provider);
                }
                else
                {
                    // Enter in a field submits with the first button, plain "Save", which goes back to the list.
                    await page.Keyboard.PressAsync("Enter");
                }
            }

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Training", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#classroom-total")).ToHaveTextAsync("80");
            await Expect(page.Locator("tbody[data-topic]")).ToHaveCountAsync(5);
            await Expect(page.Locator("tbody[data-topic='RadiationBiology']")).ToContainTextAsync(completedOn.ToString("yyyy-MM-dd"));
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GotoAsync("/Training/AddWorkExperience");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add work experience", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.GetByLabel("Calculating, measuring, and safely preparing patient or human research subject dosages").CheckAsync();
            await page.GetByLabel("Completed on").FillAsync(completedOn.ToString("yyyy-MM-dd"));
            await page.GetByLabel("Supervising Authorized User").SelectOptionAsync(new SelectOptionValue { Label = "Dr. Alice Lee — Gateway Theranostics Center" });
            await Expect(page.GetByLabel("License number")).ToHaveValueAsync("24-31001-01");
            await page.SaveScreenshotAsync("training-add-work-experience");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Calculating, measuring, and safely preparing" })).ToContainTextAsync("supervised by Dr. Alice Lee");

            await page.SetViewportSizeAsync(375, 740);
            await page.GotoAsync("/Training");
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The Training page scrolls sideways at phone width ({scrollWidth}px).");
            await page.SaveScreenshotAsync("training-index-375px");
        });
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 12 && !await target.EvaluateAsync<bool>("element => element === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(target).ToBeFocusedAsync();
    }
}
