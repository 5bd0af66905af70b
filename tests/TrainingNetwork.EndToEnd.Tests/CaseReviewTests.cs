using Microsoft.Playwright;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Pages.Reviews;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

[Collection(SharedBrowser.Name)]
public sealed class CaseReviewTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private const string ReturnNote = "Please add which cycle of four this was.";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Preceptor_approves_one_case_and_returns_the_next_with_the_keyboard()
    {
        var first = await portal.DemoCaseAsync(CaseStatus.Submitted);
        var second = await portal.SubmitDemoDraftAsync();
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Preceptor, DemoAccounts.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case reviews", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#queue tbody tr")).ToHaveCountAsync(2);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("review-queue");

            await page.Locator("#queue tbody tr").First.GetByRole(AriaRole.Link).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Uri(portal.BaseAddress, $"/Reviews/Case/{first}").ToString());
            await Expect(page.Locator("#supervisor-ok")).ToHaveTextAsync("You were listed as an Authorized User for this category on " +
                (await portal.CaseAsync(first)).AdministeredOn.ToString("yyyy-MM-dd") + ".");
            await Expect(page.Locator("#derived-category")).ToHaveTextAsync("G3");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await SaveAtPhoneWidthAsync(page);

            await TabToAsync(page, "Approve");
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve and open next" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page).ToHaveURLAsync(new Uri(portal.BaseAddress, $"/Reviews/Case/{second}").ToString());
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("is approved");
            await TabToAsync(page, "Note to the physician");
            await page.Keyboard.TypeAsync(ReturnNote);
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Return with note" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case reviews", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("went back to");
            await Expect(page.Locator(".empty-state")).ToContainTextAsync("No cases are waiting for you.");
        });

        Assert.Equal(CaseStatus.Approved, (await portal.CaseAsync(first)).Status);
        var returned = await portal.CaseAsync(second);
        Assert.Equal((CaseStatus.Returned, ReturnNote), (returned.Status, returned.ReturnNote));
    }

    /// <summary>Presses Tab from the top of the page until the control named <paramref name="name"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        var target = await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })
            .Or(page.GetByLabel(name, new() { Exact = true })).ElementHandleAsync();
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached '{name}'.");
    }

    private static async Task SaveAtPhoneWidthAsync(IPage page)
    {
        await page.SetViewportSizeAsync(375, 740);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"The review page scrolls sideways at phone width ({scrollWidth}px).");
        await page.SaveScreenshotAsync("review-case-375px");
        await page.SetViewportSizeAsync(1280, 800);
    }
}
