using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Pages.Attestations;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

/// <summary>
/// The acceptance test of the center's side: a coordinator accepts a placement, the preceptor reviews the physician's
/// cases (approving two, returning one that the physician then fixes), signs the attestation with password and
/// authenticator code, and the downloaded packet verifies by code and by file while a changed copy or a wrong code does not.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class PreceptorJourneyTests(Browser browser, LivePortal portal, ITestOutputHelper output) : IClassFixture<LivePortal>, IAsyncLifetime
{
    /// <summary>trainee07: classroom hours and work experience done (under Gulf Coast's first preceptor), no placement yet.</summary>
    private const string Physician = "trainee07@trainingnetwork.test";
    private const string PhysicianName = "Dr. Hannah Lindqvist";
    private const string GulfCoast = "Gulf Coast Radiation Oncology";
    private const string Coordinator = "coordinator.gulfcoast@trainingnetwork.test";
    private const string Preceptor = "preceptor1.gulfcoast@trainingnetwork.test";
    private const string PreceptorName = "Dr. Naomi Fischer";
    private const string Lutathera = "Lu-177 dotatate (Lutathera)";
    private const string ReturnNote = "Please add which cycle of four this was.";
    private const string Fix = "Cycle 2 of 4.";

    private static readonly int[] CaseDaysAgo = [21, 14, 7];

    private readonly Stopwatch _clock = new();

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Placement_reviews_and_signed_attestation_end_in_a_packet_that_verifies()
    {
        _clock.Start();
        var physician = await browser.NewPageAsync(portal.BaseAddress);
        var preceptor = await browser.NewPageAsync(portal.BaseAddress);
        string[] caseDates = [.. CaseDaysAgo.Select(daysAgo => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo).ToString("yyyy-MM-dd"))];
        var packetPath = Path.Combine(PageExtensions.ArtifactsDirectory, "preceptor-journey-packet.pdf");

        await physician.RecordingFailureAsync(async () =>
        {
            await physician.SignInAsync(Physician, DemoAccounts.Password);
            await RequestPlacementAsync(physician);
        });
        await AcceptAsCoordinatorAsync();
        await physician.RecordingFailureAsync(async () =>
        {
            foreach (var (date, i) in caseDates.Select((date, i) => (date, i)))
            {
                await physician.LogLutatheraCaseAsync(date, PreceptorName, $"pt-{i + 1}");
            }

            await Expect(physician.Locator("#cases tbody tr .case-status")).ToHaveTextAsync(["Submitted", "Submitted", "Submitted"]);
        });
        Step("physician placed and three cases submitted");

        var returned = "";
        await preceptor.RecordingFailureAsync(async () =>
        {
            await preceptor.SignInAsync(Preceptor, DemoAccounts.Password);
            returned = await ApproveTwoAndReturnOneAsync(preceptor);
        });
        Assert.Contains(returned, caseDates);
        Step("preceptor approved two cases and returned one");

        await physician.RecordingFailureAsync(() => FixAndResubmitAsync(physician, returned));
        Step("physician fixed and resubmitted the returned case");

        var detailsUrl = "";
        var code = "";
        await preceptor.RecordingFailureAsync(async () =>
        {
            await ApproveResubmittedAsync(preceptor, returned);
            (detailsUrl, code) = await SignAttestationAsync(preceptor);
        });
        await preceptor.Context.CloseAsync();
        Step("preceptor approved the fixed case and signed the attestation");

        await physician.RecordingFailureAsync(async () =>
        {
            await AssertQualifiedAsync(physician);
            await DownloadPacketAsync(physician, detailsUrl, code, packetPath);
        });
        await physician.Context.CloseAsync();
        Step("physician is qualified for G3 and downloaded the packet");

        await VerifyAsAnonymousVisitorAsync(code, packetPath);
        Step("packet verified by code and file; changed copy and wrong code not valid");
    }

    private static async Task RequestPlacementAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Centers" }).ClickAsync();
        await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync("TX");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show centers" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = GulfCoast }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Request a placement" }).ClickAsync();
        await page.GetByLabel("Preferred start date").FillAsync(Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was sent to " + GulfCoast);
    }

    /// <summary>The Gulf Coast coordinator, in a browser context of their own, accepts the request.</summary>
    private async Task AcceptAsCoordinatorAsync()
    {
        var coordinator = await browser.NewPageAsync(portal.BaseAddress);
        await coordinator.RecordingFailureAsync(async () =>
        {
            await coordinator.SignInAsync(Coordinator, DemoAccounts.Password);
            await coordinator.GotoAsync("/Coordination/Placements");
            var request = coordinator.GetByRole(AriaRole.Article, new() { Name = PhysicianName });
            await Expect(request).ToContainTextAsync($"asks for {GulfCoast}");
            await request.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("The request was accepted.");
            await Expect(request).ToHaveCountAsync(0);
            await coordinator.SaveScreenshotAsync("preceptor-journey-1-placement-accepted");
        });
        await coordinator.Context.CloseAsync();
    }

    /// <summary>Opens the first waiting case, approves it and the next with "Approve and open next", returns the third; gives its date.</summary>
    private static async Task<string> ApproveTwoAndReturnOneAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case reviews", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#queue tbody tr")).ToHaveCountAsync(3);
        await page.SaveScreenshotAsync("preceptor-journey-2-queue");
        await page.Locator("#queue tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();

        for (var approved = 0; approved < 2; approved++)
        {
            var date = await CaseDateAsync(page);
            await Expect(page.Locator("#supervisor-ok")).ToHaveTextAsync($"You were listed as an Authorized User for this category on {date}.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve and open next" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"The case of {date} is approved.");
        }

        var returned = await CaseDateAsync(page);
        await page.GetByLabel("Note to the physician").FillAsync(ReturnNote);
        await page.SaveScreenshotAsync("preceptor-journey-3-return");
        await page.GetByRole(AriaRole.Button, new() { Name = "Return with note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"The case of {returned} went back to {PhysicianName} with your note.");
        await Expect(page.Locator(".empty-state")).ToContainTextAsync("No cases are waiting for you.");
        return returned;
    }

    /// <summary>The administration date at the end of a review page's heading ("Lu-177 dotatate (Lutathera) on 2026-11-07").</summary>
    private static async Task<string> CaseDateAsync(IPage page)
    {
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToContainTextAsync($"{Lutathera} on ");
        return CaseDate().Match(await heading.InnerTextAsync()).Value;
    }

    private static async Task FixAndResubmitAsync(IPage page, string returned)
    {
        await page.GotoAsync("/Cases");
        var row = page.Locator("#cases tbody tr").Filter(new() { HasText = returned });
        await Expect(row.Locator(".case-status")).ToHaveTextAsync("Returned");
        await Expect(row.Locator(".returned-note")).ToHaveTextAsync($"Returned: {ReturnNote}");
        await Expect(page.Locator("#cases tbody tr .case-status")).ToHaveTextAsync(["Returned", "Approved", "Approved"]);

        await row.GetByRole(AriaRole.Link, new() { Name = returned }).ClickAsync();
        await Expect(page.Locator("#returned-note")).ToContainTextAsync(ReturnNote);
        await page.SaveScreenshotAsync("preceptor-journey-4-returned-case");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Note (optional)").FillAsync(Fix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changes saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Case submitted to your preceptor for review.");
    }

    private static async Task ApproveResubmittedAsync(IPage page, string returned)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Case reviews" }).ClickAsync();
        await Expect(page.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#queue tbody tr").GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(returned, await CaseDateAsync(page));
        await Expect(page.Locator("#case-facts")).ToContainTextAsync(Fix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"The case of {returned} is approved.");
        await Expect(page.Locator(".empty-state")).ToContainTextAsync("No cases are waiting for you.");
    }

    /// <summary>Signs for G3 with the password and the current authenticator code; gives the details page and the verification code.</summary>
    private static async Task<(string DetailsUrl, string Code)> SignAttestationAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Attestations" }).ClickAsync();
        var row = page.Locator("#physicians tbody tr").Filter(new() { HasText = PhysicianName });
        await Expect(row).ToHaveAttributeAsync("data-ready", "true");
        await row.GetByRole(AriaRole.Link, new() { Name = "Ready: sign for G3" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Sign the attestation for {PhysicianName}", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#statement")).ToContainTextAsync("has satisfactorily completed the requirements in 10 CFR 35.396");

        await page.GetByLabel("Your password").FillAsync(DemoAccounts.Password);
        await page.GetByLabel("Authenticator code").FillAsync(SignAttestationTests.CurrentCode());
        await page.SaveScreenshotAsync("preceptor-journey-5-sign");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the attestation" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed attestation", Level = 1 })).ToBeVisibleAsync();
        var code = page.Locator("#verification-code");
        await Expect(code).ToHaveTextAsync(new Regex("^[2-9A-Z]{12}$"));
        await page.SaveScreenshotAsync("preceptor-journey-6-signed");
        return (page.Url, await code.InnerTextAsync());
    }

    private static async Task AssertQualifiedAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My progress" }).ClickAsync();
        await Expect(page.Locator("[data-category='G3']")).ToHaveAttributeAsync("data-status", "QUALIFIED");
        await page.SaveScreenshotAsync("preceptor-journey-7-physician-qualified");
    }

    private static async Task DownloadPacketAsync(IPage page, string detailsUrl, string code, string packetPath)
    {
        await page.GotoAsync(detailsUrl);
        await Expect(page.Locator("#verification-code")).ToHaveTextAsync(code);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the packet (PDF)" }).ClickAsync());
        Assert.Equal($"TrainingNetwork-attestation-{code}.pdf", download.SuggestedFilename);
        Directory.CreateDirectory(PageExtensions.ArtifactsDirectory);
        await download.SaveAsAsync(packetPath);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(packetPath), 0, 5));
    }

    private async Task VerifyAsAnonymousVisitorAsync(string code, string packetPath)
    {
        var visitor = await browser.NewPageAsync(portal.BaseAddress);
        await visitor.RecordingFailureAsync(async () =>
        {
            var result = visitor.Locator("#verification-result");
            var valid = $"Valid: this attestation was signed by {PreceptorName}";

            await visitor.GotoAsync("/Verify");
            await visitor.GetByLabel("Verification code", new() { Exact = true }).FillAsync(code);
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Check the code" }).ClickAsync();
            await Expect(result).ToHaveAttributeAsync("data-outcome", "Valid");
            await Expect(result).ToContainTextAsync(valid);
            await Expect(result).ToContainTextAsync($"for G3 of {PhysicianName}");
            await visitor.AssertNoSeriousAccessibilityViolationsAsync();
            await visitor.SaveScreenshotAsync("preceptor-journey-8-verified-by-code");

            await visitor.GetByLabel("Packet PDF", new() { Exact = true }).SetInputFilesAsync(packetPath);
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(result).ToHaveAttributeAsync("data-outcome", "Valid");
            await Expect(result).ToContainTextAsync(valid);
            await visitor.AssertNoSeriousAccessibilityViolationsAsync();
            await visitor.SaveScreenshotAsync("preceptor-journey-9-verified-by-file");

            var changed = await File.ReadAllBytesAsync(packetPath);
            changed[changed.Length / 2] ^= 0x01;
            await visitor.GetByLabel("Packet PDF", new() { Exact = true }).SetInputFilesAsync(
                new FilePayload { Name = "packet.pdf", MimeType = "application/pdf", Buffer = changed });
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(result).ToHaveAttributeAsync("data-outcome", "NotValid");
            await Expect(result).ToContainTextAsync("Not valid: this file is not a packet TrainingNetwork issued, or it has been changed.");
            await visitor.AssertNoSeriousAccessibilityViolationsAsync();

            // A well-formed code one character away from the real one.
            var wrong = code[..^1] + (code[^1] == '2' ? '3' : '2');
            await visitor.GetByLabel("Verification code", new() { Exact = true }).FillAsync(wrong);
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Check the code" }).ClickAsync();
            await Expect(result).ToHaveAttributeAsync("data-outcome", "NotValid");
            await Expect(result).ToContainTextAsync("Not valid: no attestation has this code.");
            await visitor.SaveScreenshotAsync("preceptor-journey-10-wrong-code");
        });
        await visitor.Context.CloseAsync();
    }

    private void Step(string done) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {done}");

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}$")]
    private static partial Regex CaseDate();
}
