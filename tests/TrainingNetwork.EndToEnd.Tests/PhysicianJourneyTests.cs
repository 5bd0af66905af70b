using System.Text;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Setup;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

/// <summary>
/// The acceptance test of the physician journey: a new physician goes from registration to three logged cases, and the
/// progress page then names exactly what only other people can still supply, the preceptor's sign-offs and attestation.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PhysicianJourneyTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private const string Password = "a long enough passphrase";
    private const string Gateway = "Gateway Theranostics Center";
    private const string GatewayPreceptor = "Dr. Alice Lee";
    private const string Lutathera = "Lu-177 dotatate (Lutathera)";

    private static readonly string[] Topics =
    [
        "Radiation physics and instrumentation", "Radiation protection", "Mathematics of radioactivity",
        "Chemistry of byproduct material", "Radiation biology",
    ];

    private static readonly string[] WorkElements =
    [
        "Ordering, receiving and unpacking radioactive materials safely",
        "Performing quality control procedures on instruments",
        "Calculating, measuring, and safely preparing patient or human research subject dosages",
        "Using administrative controls to prevent a medical event",
        "Using procedures to contain spilled byproduct material safely",
    ];

    private static readonly int[] CaseDaysAgo = [21, 14, 7];

    /// <summary>Reason codes for what this physician has already done: none may be shown as missing.</summary>
    private static readonly string[] MetCodes = ["CLASSROOM_HOURS", "TOPIC_MISSING", "WORK_ELEMENT_MISSING", "NOT_ELIGIBLE"];

    /// <summary>A tiny but well-formed one-page PDF, standing in for the scanned license page.</summary>
    private static readonly byte[] LicensePagePdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task New_physician_with_training_placement_and_three_cases_sees_only_sign_offs_and_attestation_missing()
    {
        var id = Guid.NewGuid().ToString("N");
        var name = $"Dr. Journey {id[..8]}";
        var page = await browser.NewPageAsync(portal.BaseAddress);
        await page.RecordingFailureAsync(async () =>
        {
            await RegisterAndConfirmAsync(page, name, $"journey-{id}@example.test");
            await FillProfileAsync(page);
            await RecordTrainingAsync(page);
            await RequestPlacementAsync(page);
            await AcceptAsCoordinatorAsync(name);

            await page.GotoAsync("/Placements");
            await Expect(page.Locator(".placements > li").Filter(new() { HasText = Gateway }).Locator(".placement-status")).ToHaveTextAsync("Accepted");

            string[] caseDates = [.. CaseDaysAgo.Select(daysAgo => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd"))];
            for (var i = 0; i < caseDates.Length; i++)
            {
                await LogCaseAsync(page, caseDates[i], $"pt-{i + 1}");
            }

            await Expect(page.Locator("#cases tbody tr .case-status")).ToHaveTextAsync(["Submitted", "Submitted", "Submitted"]);
            await page.SaveScreenshotAsync("journey-5-cases");

            await AssertProgressShowsOnlySignOffsAndAttestationMissingAsync(page, caseDates);
        });
    }

    private static async Task RegisterAndConfirmAsync(IPage page, string name, string email)
    {
        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Repeat the password").FillAsync(Password);
        await page.GetByLabel("Specialty").FillAsync("Radiation oncology");
        await page.GetByLabel("State where you practise").SelectOptionAsync("MO");
        await page.GetByRole(AriaRole.Radio, new() { Name = "10 CFR 35.396" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "development mailbox" }).ClickAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("a.mail-link").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Thank you for confirming your email");

        await page.SignInAsync(email, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My progress", Level = 1 })).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("journey-1-first-sign-in");
    }

    /// <summary>The NPI, and the 35.490 listing with its license page that opens the 35.396 pathway.</summary>
    private static async Task FillProfileAsync(IPage page)
    {
        await page.GotoAsync("/Profile/Edit");
        await page.GetByLabel("NPI (National Provider Identifier)").FillAsync("1234567893");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile was saved.");

        await page.GotoAsync("/Profile/Authorizations");
        await page.GetByLabel("Listed under 10 CFR").SelectOptionAsync("35.490");
        await page.GetByLabel("License or permit number").FillAsync("24-77123-01");
        await page.GetByLabel("Regulator").SelectOptionAsync(new SelectOptionValue { Label = "NRC" });
        await page.GetByLabel("Listed from").FillAsync("2018-03-01");
        await page.GetByLabel("License page").SetInputFilesAsync(new FilePayload
        {
            Name = "license-page.pdf",
            MimeType = "application/pdf",
            Buffer = LicensePagePdf,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add listing" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your 10 CFR 35.490 authorization was added.");
        var listing = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "24-77123-01" });
        await Expect(listing).ToContainTextAsync("NRC");
        await Expect(listing.GetByRole(AriaRole.Link, new() { Name = "license-page.pdf" })).ToBeVisibleAsync();

        await page.GotoAsync("/Profile");
        await Expect(page.Locator("#npi")).ToHaveTextAsync("1234567893");
        await Expect(page.Locator("[data-pathway='35.396']")).ToHaveAttributeAsync("data-eligible", "yes");
        await page.SaveScreenshotAsync("journey-2-profile");
    }

    /// <summary>16 hours in each of the five topics, then the five work-experience elements under a Gateway preceptor.</summary>
    private static async Task RecordTrainingAsync(IPage page)
    {
        var completedOn = Today.AddDays(-60).ToString("yyyy-MM-dd");
        await page.GotoAsync("/Training");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add classroom hours" }).ClickAsync();
        await page.GetByLabel("Completed on").FillAsync(completedOn);
        await page.GetByLabel("Provider", new() { Exact = true }).FillAsync("SNMMI radiopharmaceutical therapy course");
        foreach (var topic in Topics)
        {
            await page.GetByLabel("Topic").SelectOptionAsync(new SelectOptionValue { Label = topic });
            await page.GetByLabel("Clock hours").FillAsync("16");
            if (topic != Topics[^1])
            {
                // The form comes back with the provider and date kept, ready for the next topic.
                await page.GetByRole(AriaRole.Button, new() { Name = "Save and add another" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved 16 clock hours completed on {completedOn}");
            }
            else
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            }
        }

        await Expect(page.Locator("#classroom-total")).ToHaveTextAsync("80");

        var workDoneOn = Today.AddDays(-30).ToString("yyyy-MM-dd");
        foreach (var element in WorkElements)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Add work experience" }).ClickAsync();
            await page.GetByLabel(element).CheckAsync();
            await page.GetByLabel("Completed on").FillAsync(workDoneOn);
            await page.GetByLabel("Supervising Authorized User").SelectOptionAsync(new SelectOptionValue { Label = $"{GatewayPreceptor} — {Gateway}" });
            await Expect(page.GetByLabel("License number")).ToHaveValueAsync("24-31001-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved work experience completed on {workDoneOn} under {GatewayPreceptor}");
        }

        await Expect(page.Locator("[data-work]")).ToHaveCountAsync(WorkElements.Length);
        await page.SaveScreenshotAsync("journey-3-training");
    }

    private static async Task RequestPlacementAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Centers" }).ClickAsync();
        await page.GetByLabel("State", new() { Exact = true }).SelectOptionAsync("MO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show centers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 center", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = Gateway }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Gateway, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Request a placement" }).ClickAsync();
        await page.GetByLabel("Preferred start date").FillAsync(Today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was sent to " + Gateway);
        await Expect(page.Locator(".placements > li").Filter(new() { HasText = Gateway }).Locator(".placement-status")).ToHaveTextAsync("Requested");
        await page.SaveScreenshotAsync("journey-4-placement-requested");
    }

    /// <summary>The Gateway coordinator, in a browser context of their own, accepts the request from the preferred start date.</summary>
    private async Task AcceptAsCoordinatorAsync(string physician)
    {
        var coordinator = await browser.NewPageAsync(portal.BaseAddress);
        await coordinator.RecordingFailureAsync(async () =>
        {
            await coordinator.SignInAsync(DemoAccounts.Coordinator, DemoAccounts.Password);
            await coordinator.GotoAsync("/Coordination/Placements");
            var request = coordinator.GetByRole(AriaRole.Article, new() { Name = physician });
            await Expect(request).ToContainTextAsync($"asks for {Gateway}");
            await Expect(request.GetByLabel("Start date")).ToHaveValueAsync(Today.ToString("yyyy-MM-dd"));
            await coordinator.SaveScreenshotAsync("journey-4-coordinator-queue");

            await request.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("The request was accepted.");
            await Expect(request).ToHaveCountAsync(0);
        });
        await coordinator.Context.CloseAsync();
    }

    private static async Task LogCaseAsync(IPage page, string administeredOn, string pseudonym)
    {
        await page.LogLutatheraCaseAsync(administeredOn, GatewayPreceptor, pseudonym);
        var logged = page.Locator("#cases tbody tr").Filter(new() { HasText = administeredOn });
        await Expect(logged).ToContainTextAsync(Lutathera);
        await Expect(logged).ToContainTextAsync("7,400");
    }

    private static async Task AssertProgressShowsOnlySignOffsAndAttestationMissingAsync(IPage page, string[] caseDates)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My progress" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My progress", Level = 1 })).ToBeVisibleAsync();

        var g3 = page.Locator("[data-category='G3']");
        await Expect(g3).ToHaveAttributeAsync("data-status", "NOT_QUALIFIED");
        await Expect(g3.Locator(".findings > li")).ToHaveCountAsync(2);
        await Expect(g3.Locator("[data-code='CASES_MIN']")).ToContainTextAsync("0 of 3");
        await Expect(g3.Locator("[data-code='CASES_MIN']")).ToContainTextAsync("10 CFR 35.396(b)(2)(vi)");
        await Expect(g3.Locator("[data-code='ATTESTATION_MISSING']")).ToContainTextAsync("10 CFR 35.396(b)(3)");
        foreach (var met in MetCodes)
        {
            await Expect(page.Locator($"[data-code='{met}']")).ToHaveCountAsync(0);
        }

        var cases = page.GetByRole(AriaRole.Table, new() { Name = "How the engine classified each case and whether it counts" });
        await Expect(cases.Locator("tbody tr")).ToHaveCountAsync(caseDates.Length);
        foreach (var date in caseDates)
        {
            var row = cases.Locator("tbody tr").Filter(new() { HasText = date });
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("No");
            await Expect(row.Locator("[data-code='CASE_NOT_SIGNED_OFF']")).ToBeVisibleAsync();
        }

        var classroom = page.GetByRole(AriaRole.Progressbar, new() { Name = "Classroom and laboratory hours" });
        await Expect(classroom).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(page.GetByText("80 of 80 hours")).ToBeVisibleAsync();
        await Expect(page.GetByText("0 of 3 cases")).ToBeVisibleAsync();

        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.SaveScreenshotAsync("journey-6-progress");
    }
}
