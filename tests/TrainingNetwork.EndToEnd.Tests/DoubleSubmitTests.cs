using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

/// <summary>
/// Requirement 43 in a real browser: a create form saves once however it is sent again. (Chromium may fold a fast double
/// click into one post; repeated and concurrent posts of one key reaching the server are tested in IdempotencyTests.)
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class DoubleSubmitTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Double_clicking_submit_on_the_case_form_logs_one_case()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
            var before = await CaseCountAsync();
            await FillCaseFormAsync(page, "7.4");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" }).DblClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My cases", Level = 1 })).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(before + 1, await CaseCountAsync());
            await Expect(page.Locator("#cases tbody tr").First).ToContainTextAsync("Lu-177 dotatate (Lutathera)");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
        });
    }

    [Fact]
    public async Task A_used_key_sent_with_other_content_shows_the_refusal_page_and_saves_nothing()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
            await FillCaseFormAsync(page, "7.4");
            var usedKey = await page.Locator("#case-form input[name='IdempotencyKey']").InputValueAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My cases", Level = 1 })).ToBeVisibleAsync();
            var count = await CaseCountAsync();

            // What a stale copy of the form would send: the key it was issued with, and other content.
            await FillCaseFormAsync(page, "5.5");
            await page.Locator("#case-form input[name='IdempotencyKey']").EvaluateAsync("(input, key) => input.value = key", usedKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This form was already sent", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already submitted with different content");
            Assert.Equal(count, await CaseCountAsync());
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("form-already-sent");

            await page.GetByRole(AriaRole.Link, new() { Name = "Open the form again" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log a case", Level = 1 })).ToBeVisibleAsync();
        });
    }

    private static async Task FillCaseFormAsync(IPage page, string gigabecquerels)
    {
        await page.GotoAsync("/Cases/Create");
        await page.GetByLabel("Radiopharmaceutical").SelectOptionAsync(new SelectOptionValue { Label = "Lu-177 dotatate (Lutathera)" });
        await page.GetByLabel("Activity administered").FillAsync(gigabecquerels);
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("GBq");
    }

    private async Task<int> CaseCountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Cases.CountAsync(c => db.Trainees.Any(t => t.Id == c.TraineeId && db.Users.Any(u => u.Id == t.UserId && u.Email == DemoAccounts.Trainee)));
    }
}
