using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TrainingNetwork.EndToEnd.Tests.Infrastructure;

public static class PageExtensions
{
    public static string ArtifactsDirectory { get; } =
        Environment.GetEnvironmentVariable("TN_E2E_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "e2e-artifacts");

    /// <summary>Runs a browser step; on failure saves a full-page screenshot named after the test, then rethrows.</summary>
    public static async Task RecordingFailureAsync(this IPage page, Func<Task> step, [CallerMemberName] string testName = "")
    {
        try
        {
            await step();
        }
        catch
        {
            var path = await page.SaveScreenshotAsync($"FAILED-{testName}-{DateTime.UtcNow:HHmmss}");
            Console.Error.WriteLine($"Screenshot of the failed page: {path}");
            throw;
        }
    }

    /// <summary>Saves a full-page screenshot into the artifacts folder, so people can look at pages as users see them.</summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Logs a 7.4 GBq Lu-177 dotatate case through the fast case form and submits it for review.</summary>
    public static async Task LogLutatheraCaseAsync(this IPage page, string administeredOn, string preceptorName, string pseudonym)
    {
        await page.GotoAsync("/Cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Log a case" }).ClickAsync();
        await page.GetByLabel("Date of administration").FillAsync(administeredOn);
        await page.GetByLabel("Radiopharmaceutical").SelectOptionAsync(new SelectOptionValue { Label = "Lu-177 dotatate (Lutathera)" });
        await Assertions.Expect(page.Locator("#agent-nuclide")).ToHaveTextAsync("Lu-177");
        await page.GetByLabel("Activity administered").FillAsync("7.4");
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("GBq");
        await page.GetByLabel("Supervising preceptor").SelectOptionAsync(new SelectOptionValue { Label = preceptorName });
        await page.GetByLabel("Patient pseudonym (optional)").FillAsync(pseudonym);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Case logged and submitted to your preceptor for review.");
    }

    /// <summary>Fails with every WCAG 2.1 A/AA violation that axe rates serious or critical.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => $"{n.Target}"))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", serious)}");
    }
}
