using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Web.Attestations;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Api;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Attestations;

namespace TrainingNetwork.Web.Tests.Pages;

public sealed class VerifyTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Npi = "1234567893";

    private SignedAttestation _attestation = null!;

    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        _attestation = await TestAttestations.SignAsync(portal.Services);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Anonymous_visitor_sees_both_ways_to_verify()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync("/Verify");

        Assert.Equal("Verify an attestation", page.Heading());
        Assert.NotNull(page.QuerySelector("form#verify-code input[name='Code']"));
        Assert.NotNull(page.QuerySelector("form#verify-file input[type='file'][name='Packet']"));
        Assert.Null(page.QuerySelector("#verification-result"));
    }

    [Fact]
    public async Task Code_typed_in_lower_case_with_spaces_confirms_who_signed_what_and_when()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync($"/Verify?Code=+{_attestation.VerificationCode.ToLowerInvariant()}+");

        var text = ResultText(page, "Valid");
        Assert.StartsWith($"Valid: this attestation was signed by {TestAttestations.SignerName}, {TestAttestations.SignerCredentials}, on ", text);
        Assert.Contains(_attestation.SignedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm") + " UTC", text);
        Assert.Contains("America/Detroit", text);
        Assert.Contains($"for G3 of {TestAttestations.PhysicianName} under 10 CFR 35.396", text);
        Assert.Contains($"evidence fingerprint {_attestation.EvidenceSha256}", text);
        Assert.EndsWith("not withdrawn.", text);
    }

    [Fact]
    public async Task Qr_link_shows_the_result_directly()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync($"/Verify?code={_attestation.VerificationCode}");

        Assert.Contains(TestAttestations.SignerName, ResultText(page, "Valid"));
    }

    [Fact]
    public async Task Unknown_code_is_not_valid()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync("/Verify?code=ABCDEFGHJKMN");

        Assert.Equal("Not valid: no attestation has this code.", ResultText(page, "NotValid"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("ABCDEFGHJKM0")] // 0 is not in the code alphabet
    public async Task Malformed_code_gets_a_message_next_to_the_field(string code)
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync($"/Verify?code={code}");

        Assert.Null(page.QuerySelector("#verification-result"));
        Assert.Contains("12 letters and digits", page.QuerySelector("[data-valmsg-for='Code']")!.TextContent);
    }

    [Fact]
    public async Task Downloaded_packet_uploaded_by_anyone_is_valid()
    {
        var pdf = await TestAttestations.DownloadPacketAsync(portal, _attestation);

        var page = await UploadAsync(portal.CreateBrowserLikeClient(), pdf);

        Assert.Contains($"signed by {TestAttestations.SignerName}", ResultText(page, "Valid"));
    }

    [Fact]
    public async Task Packet_with_one_byte_changed_is_not_valid()
    {
        var pdf = await TestAttestations.DownloadPacketAsync(portal, _attestation);
        var changed = pdf.ToArray();
        changed[changed.Length / 2] ^= 0x01;

        var page = await UploadAsync(portal.CreateBrowserLikeClient(), changed);

        Assert.Equal("Not valid: this file is not a packet TrainingNetwork issued, or it has been changed.", ResultText(page, "NotValid"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_gets_a_message_next_to_the_field()
    {
        var page = await UploadAsync(portal.CreateBrowserLikeClient(), "hello"u8.ToArray());

        Assert.Null(page.QuerySelector("#verification-result"));
        Assert.Contains("not a PDF", page.QuerySelector("[data-valmsg-for='Packet']")!.TextContent);
    }

    [Fact]
    public async Task A_file_over_10_mb_gets_a_message_next_to_the_field()
    {
        var large = new byte[DocumentUploads.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(large);

        var page = await UploadAsync(portal.CreateBrowserLikeClient(), large);

        Assert.Null(page.QuerySelector("#verification-result"));
        Assert.Contains("larger than 10 MB", page.QuerySelector("[data-valmsg-for='Packet']")!.TextContent);
    }

    [Fact]
    public async Task Withdrawn_attestation_says_when_and_by_whom()
    {
        await TestAttestations.WithdrawAsync(portal.Services, _attestation);
        var pdf = await TestAttestations.DownloadPacketAsync(portal, _attestation);

        var byCode = await portal.CreateBrowserLikeClient().GetDocumentAsync($"/Verify?code={_attestation.VerificationCode}");
        var byFile = await UploadAsync(portal.CreateBrowserLikeClient(), pdf);

        foreach (var page in new[] { byCode, byFile })
        {
            var text = ResultText(page, "Withdrawn");
            Assert.Contains($"withdrawn on {DateTime.UtcNow:yyyy-MM-dd}", text);
            Assert.EndsWith($"by {TestAttestations.SignerName}.", text);
            Assert.DoesNotContain("not withdrawn", text);
        }
    }

    [Fact]
    public async Task Verification_reveals_no_case_data_npi_or_hours()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var trainee = await db.Trainees.SingleAsync(t => t.Id == _attestation.TraineeId);
            trainee.UpdateProfile(trainee.Specialty, trainee.PracticeState, Npi);
            await db.SaveChangesAsync();
        }

        var response = await portal.CreateBrowserLikeClient().GetAsync($"/Verify?code={_attestation.VerificationCode}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(TestAttestations.SignerName, html);
        Assert.DoesNotContain("Lu-177", html);
        Assert.DoesNotContain(Npi, html);
        Assert.DoesNotContain("MBq", html);
        Assert.DoesNotContain("hours", html, StringComparison.OrdinalIgnoreCase);
        foreach (var c in PacketSnapshotCases())
        {
            Assert.DoesNotContain(c, html);
        }
    }

    private IEnumerable<string> PacketSnapshotCases() =>
        PacketContent.Snapshot(_attestation).Cases.SelectMany(c => new[] { c.CaseId, c.PatientPseudonym! });

    private static string ResultText(IHtmlDocument page, string outcome)
    {
        var result = page.QuerySelector("#verification-result");
        Assert.NotNull(result);
        Assert.Equal(outcome, result.GetAttribute("data-outcome"));
        return result.QuerySelector("p")!.TextContent.Trim();
    }

    internal static async Task<IHtmlDocument> UploadAsync(HttpClient client, byte[] file)
    {
        var page = await client.GetDocumentAsync("/Verify");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("form#verify-file input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { content, "Packet", "packet.pdf" },
        };
        var response = await client.PostAsync("/Verify", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlForms.ParseAsync(response);
    }
}

public sealed class VerifyRateLimitTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task Past_the_limit_a_visitor_gets_429()
    {
        var client = portal.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync("/Verify?code=ABCDEFGHJKMN")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
