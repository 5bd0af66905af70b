using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

/// <summary>A staff member checks a file of physician records, reads the dry run, imports it and sees the result.</summary>
[Collection(SharedBrowser.Name)]
public sealed class RecordImportTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private static readonly byte[] Example = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Examples", "import-example.json"));

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_checks_a_file_then_imports_it()
    {
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);
            await page.GotoAsync("/Network/Import");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import physician records", Level = 1 })).ToBeVisibleAsync();
            await page.AssertNoSeriousAccessibilityViolationsAsync();

            await page.GetByLabel("Import file (JSON)").SetInputFilesAsync(Upload("physicians.json", Example));
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(page.Locator("#import-totals")).ToContainTextAsync("2 would be created, 0 rejected");
            await Expect(page.Locator("tr[data-entry='0']")).ToContainTextAsync("3 cases signed off on paper will arrive as submitted");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("import-dry-run");

            await page.GetByLabel("The checked file, again").SetInputFilesAsync(Upload("physicians.json", Example));
            await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 physicians" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported 2 physicians");
            await Expect(page.Locator("#import-report")).ToHaveCountAsync(0);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("import-done");

            await page.GetByLabel("Import file (JSON)").SetInputFilesAsync(Upload("physicians.json", Example));
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(page.Locator("#import-totals")).ToContainTextAsync("0 would be created, 2 rejected");
            await Expect(page.Locator("tr[data-entry='1']")).ToContainTextAsync("'ben.sato@example.org' already has an account");
            await Expect(page.Locator("#import-form")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Dry_run_with_a_rejected_entry_fits_a_phone_screen()
    {
        var entries = JsonNode.Parse(Example)!.AsArray();
        entries[1]!["practice_state"] = "ZZ";
        entries[1]!["record"]!["classroom_training"]![0]!["provider"] = "Course at 12 Main Street";
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password);
            await page.GotoAsync("/Network/Import");
            await page.GetByLabel("Import file (JSON)").SetInputFilesAsync(Upload("physicians.json", System.Text.Encoding.UTF8.GetBytes(entries.ToJsonString())));
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

            await Expect(page.Locator("#import-totals")).ToContainTextAsync("1 would be created, 1 rejected");
            await Expect(page.Locator("tr[data-entry='1']")).ToContainTextAsync("'ZZ' is not a US state code");
            await Expect(page.Locator("#import-form")).ToHaveCountAsync(0);
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("import-dry-run-phone");
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The dry run scrolls sideways at phone width ({scrollWidth}px).");

            await page.GetByLabel("Import file (JSON)").SetInputFilesAsync(Upload("notes.txt", "%PDF-1.7"u8.ToArray()));
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(page.Locator("#file-error")).ToContainTextAsync("The file is not valid JSON");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("import-not-json-phone");
        });
    }

    private static FilePayload Upload(string name, byte[] content) => new() { Name = name, MimeType = "application/json", Buffer = content };
}
