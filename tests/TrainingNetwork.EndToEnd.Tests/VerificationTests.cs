using System.Diagnostics;
using Microsoft.Playwright;
using TrainingNetwork.EndToEnd.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Attestations;
using static Microsoft.Playwright.Assertions;

namespace TrainingNetwork.EndToEnd.Tests;

/// <summary>
/// The physician downloads the signed attestation's packet; an anonymous visitor then verifies it by code and by the
/// file itself, and a changed copy is reported as not valid.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class VerificationTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>, IAsyncLifetime
{
    private const string Pdftoppm = "/usr/bin/pdftoppm";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Downloaded_packet_verifies_by_code_and_by_file_and_a_changed_copy_does_not()
    {
        var attestation = await TestAttestations.SignAsync(portal.Services);
        var packetPath = Path.Combine(PageExtensions.ArtifactsDirectory, $"TrainingNetwork-attestation-{attestation.VerificationCode}.pdf");

        var physician = await browser.NewPageAsync(portal.BaseAddress);
        await physician.RecordingFailureAsync(async () =>
        {
            await physician.SignInAsync(TestAttestations.Physician, Web.Setup.DemoAccounts.Password);
            await physician.GotoAsync($"/Attestations/Details/{attestation.Id}");
            var download = await physician.RunAndWaitForDownloadAsync(() =>
                physician.GetByRole(AriaRole.Link, new() { NameRegex = new("Download the packet", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).ClickAsync());
            Assert.Equal($"TrainingNetwork-attestation-{attestation.VerificationCode}.pdf", download.SuggestedFilename);
            Directory.CreateDirectory(PageExtensions.ArtifactsDirectory);
            await download.SaveAsAsync(packetPath);
        });
        await RenderFirstPageAsync(packetPath);

        var visitor = await browser.NewPageAsync(portal.BaseAddress);
        await visitor.RecordingFailureAsync(async () =>
        {
            await visitor.GotoAsync("/Verify");
            await visitor.AssertNoSeriousAccessibilityViolationsAsync();
            var result = visitor.Locator("#verification-result");

            await visitor.GetByLabel("Verification code", new() { Exact = true }).FillAsync(" " + attestation.VerificationCode.ToLowerInvariant());
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Check the code" }).ClickAsync();
            await Expect(result).ToContainTextAsync($"Valid: this attestation was signed by {TestAttestations.SignerName}");
            await Expect(result).ToContainTextAsync("not withdrawn");
            await visitor.AssertNoSeriousAccessibilityViolationsAsync();
            await visitor.SaveScreenshotAsync("verify-by-code-valid");

            await visitor.GetByLabel("Packet PDF", new() { Exact = true }).SetInputFilesAsync(packetPath);
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(result).ToContainTextAsync($"Valid: this attestation was signed by {TestAttestations.SignerName}");
            await Expect(result).ToContainTextAsync(attestation.EvidenceSha256);

            var changed = await File.ReadAllBytesAsync(packetPath);
            changed[changed.Length / 3] ^= 0x20;
            await visitor.GetByLabel("Packet PDF", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "packet.pdf", MimeType = "application/pdf", Buffer = changed });
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Expect(result).ToHaveAttributeAsync("data-outcome", "NotValid");
            await Expect(result).ToContainTextAsync("Not valid: this file is not a packet TrainingNetwork issued, or it has been changed.");
            await visitor.AssertNoSeriousAccessibilityViolationsAsync();
            await visitor.SaveScreenshotAsync("verify-changed-file-not-valid");
        });
    }

    [Fact]
    public async Task Verification_result_fits_a_phone_screen()
    {
        var attestation = await TestAttestations.SignAsync(portal.Services);
        var page = await browser.NewPageAsync(portal.BaseAddress, width: 375, height: 740);
        await page.RecordingFailureAsync(async () =>
        {
            await page.GotoAsync($"/Verify?code={attestation.VerificationCode}");
            await Expect(page.Locator("#verification-result")).ToContainTextAsync(attestation.EvidenceSha256);

            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 375, $"The verification page scrolls sideways at phone width ({scrollWidth}px).");
            await page.AssertNoSeriousAccessibilityViolationsAsync();
            await page.SaveScreenshotAsync("verify-by-code-375px");
        });
    }

    /// <summary>Page 1 as a PNG beside the screenshots, for people to look at, where poppler-utils is installed.</summary>
    private static async Task RenderFirstPageAsync(string pdfPath)
    {
        if (!File.Exists(Pdftoppm))
        {
            return;
        }

        using var render = Process.Start(Pdftoppm, ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, Path.ChangeExtension(pdfPath, null) + "-page1"]);
        await render.WaitForExitAsync();
        Assert.Equal(0, render.ExitCode);
    }
}
