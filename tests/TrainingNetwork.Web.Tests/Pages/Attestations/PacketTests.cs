using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Web.Attestations;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Attestations;

public sealed class PacketTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private SignedAttestation _attestation = null!;

    private string PacketUrl => $"/Attestations/Packet/{_attestation.Id}";

    public async Task InitializeAsync()
    {
        await portal.ResetAsync();
        _attestation = await TestAttestations.SignAsync(portal.Services);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Physician_downloads_a_pdf_named_after_the_code_and_it_is_stored_once()
    {
        var client = await portal.SignedInAsync(TestAttestations.Physician);

        var response = await client.GetAsync(PacketUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"TrainingNetwork-attestation-{_attestation.VerificationCode}.pdf", response.Content.Headers.ContentDisposition?.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        AssertIsPacketOf(pdf, _attestation);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var packet = await db.AttestationPackets.SingleAsync();
        Assert.Equal(_attestation.Id, packet.AttestationId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), packet.Sha256);
        var document = await db.Documents.SingleAsync(d => d.Id == packet.DocumentId);
        var physicianUserId = await db.Users.Where(u => u.Email == TestAttestations.Physician).Select(u => u.Id).SingleAsync();
        Assert.Equal(physicianUserId, document.OwnerUserId);
    }

    [Theory]
    [InlineData(DemoAccounts.Staff)]
    [InlineData(DemoAccounts.Admin)]
    [InlineData(TestAttestations.Signer)]
    public async Task Staff_and_the_signer_get_exactly_the_bytes_the_physician_got(string email)
    {
        var first = await TestAttestations.DownloadPacketAsync(portal, _attestation);
        var client = await portal.SignedInAsync(email);

        var response = await client.GetAsync(PacketUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(first, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Two_first_downloads_at_once_issue_one_packet()
    {
        var clients = await Task.WhenAll(portal.SignedInAsync(TestAttestations.Physician), portal.SignedInAsync(DemoAccounts.Staff));

        var responses = await Task.WhenAll(clients.Select(c => c.GetAsync(PacketUrl)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.Equal(bodies[0], bodies[1]);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.AttestationPackets.CountAsync());
        Assert.Equal(1, await db.Documents.CountAsync(d => d.ContentType == PacketPdf.ContentType && d.FileName.StartsWith("TrainingNetwork-attestation-")));
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee)] // another physician
    [InlineData(DemoAccounts.Preceptor)] // a preceptor of another center (Gateway)
    [InlineData("preceptor2.greatlakes@trainingnetwork.test")] // a preceptor of the center who did not sign
    [InlineData("coordinator.greatlakes@trainingnetwork.test")]
    public async Task Anyone_else_signed_in_gets_404_and_nothing_is_generated(string email)
    {
        var client = await portal.SignedInAsync(email);

        var response = await client.GetAsync(PacketUrl);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AttestationPackets.AnyAsync());
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(PacketUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Withdrawn_attestation_still_downloads()
    {
        await TestAttestations.WithdrawAsync(portal.Services, _attestation);

        var pdf = await TestAttestations.DownloadPacketAsync(portal, _attestation);

        AssertIsPacketOf(pdf, _attestation);
    }

    [Fact]
    public async Task Packet_content_comes_from_the_snapshot_not_from_evidence_changed_since()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var snapshot = PacketContent.Snapshot(_attestation);
        await db.Cases.Where(c => c.TraineeId == _attestation.TraineeId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ActivityMbq, 1234m));
        await db.ClassroomEntries.Where(c => c.TraineeId == _attestation.TraineeId).ExecuteDeleteAsync();

        var content = await PacketContent.LoadAsync(db, _attestation, new Uri("https://portal.test/Verify?code=X"), CancellationToken.None);

        Assert.Equal(snapshot.Cases.Count, content.Cases.Rows.Count);
        Assert.All(content.Cases.Rows, row => Assert.Equal("7400", row[4]));
        Assert.Equal(snapshot.ClassroomTraining.Count + 1, content.Classroom.Rows.Count); // and the total
        Assert.All(content.Cases.Rows, row => Assert.Equal("Great Lakes Theranostics", row[5]));
        Assert.Contains(content.Physician, f => f.Value == TestAttestations.PhysicianName);
        Assert.Contains(content.Signature, f => f.Value == TestAttestations.SignerName);
        Assert.Contains(content.Evaluation, f => f.Value == "G3 QUALIFIED");
        Assert.Equal(_attestation.StatementText, content.StatementText);
    }

    [Fact]
    public void Packet_content_never_carries_a_patient_pseudonym_or_case_id()
    {
        var snapshot = PacketContent.Snapshot(_attestation);
        var content = PacketContent.Build(_attestation, snapshot, TestAttestations.PhysicianName, new Dictionary<string, string>(), null, new Uri("https://portal.test/"));

        var text = AllText(content);

        Assert.NotEmpty(snapshot.Cases);
        Assert.All(snapshot.Cases, c =>
        {
            Assert.DoesNotContain(c.PatientPseudonym!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(c.CaseId, text, StringComparison.Ordinal);
        });
        Assert.Contains("Lu-177", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_case_log_runs_onto_more_pages()
    {
        var snapshot = PacketContent.Snapshot(_attestation);
        var many = snapshot with { Cases = [.. Enumerable.Range(0, 120).Select(i => snapshot.Cases[0] with { CaseId = $"case-{i}" })] };
        var content = PacketContent.Build(_attestation, many, TestAttestations.PhysicianName, new Dictionary<string, string>(), null, new Uri("https://portal.test/"));

        var pdf = PacketPdf.Render(content, DateTimeOffset.UtcNow);

        AssertIsPacketOf(pdf, _attestation);
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.True(document.PageCount >= 4, $"120 cases fit on {document.PageCount} pages.");
    }

    internal static void AssertIsPacketOf(byte[] pdf, SignedAttestation attestation)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "The file does not start with %PDF-.");
        Assert.True(pdf.AsSpan().TrimEnd("\r\n"u8).EndsWith("%%EOF"u8), "The file does not end with %%EOF.");
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Contains(attestation.VerificationCode, document.Info.Title, StringComparison.Ordinal);
        Assert.Contains(attestation.VerificationCode, document.Info.Subject, StringComparison.Ordinal);
        Assert.Contains(attestation.VerificationCode, document.Info.Keywords, StringComparison.Ordinal);
        Assert.Contains(TestAttestations.PhysicianName, document.Info.Subject, StringComparison.Ordinal);
    }

    private static string AllText(PacketContent content)
    {
        var text = new StringBuilder(content.StatementText);
        foreach (var (label, value) in content.Physician.Concat(content.Signature).Concat(content.Evaluation))
        {
            text.Append(label).Append(value);
        }

        foreach (var table in new[] { content.Classroom, content.WorkExperience, content.Cases, content.Supervisors })
        {
            text.AppendJoin(' ', table.Rows.SelectMany(row => row));
        }

        return text.ToString();
    }
}
