using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Attestations;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Attestations;

/// <summary>
/// Signed attestations made straight through the app's DbContext, as the signing page stores them: demo trainee19 (three
/// approved Lu-177 cases at Great Lakes) attested for G3 by Great Lakes' first preceptor.
/// </summary>
public static class TestAttestations
{
    public const string Physician = "trainee19@trainingnetwork.test";
    public const string PhysicianName = "Dr. Fatima Zahra";
    public const string Signer = "preceptor1.greatlakes@trainingnetwork.test";
    public const string SignerName = "Dr. Laura Jensen";
    public const string SignerCredentials = "Authorized User, 10 CFR 35.390 (G1, G2, G3)";

    public static async Task<SignedAttestation> SignAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var traineeId = await db.Trainees.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == Physician)).Select(t => t.Id).SingleAsync();
        var signer = await db.Users.Where(u => u.Email == Signer).Select(u => new { u.Id, u.FullName }).SingleAsync();
        var license = await db.PracticeAuthorizations.Where(a => a.UserId == signer.Id).Select(a => a.License).FirstAsync();
        var record = await scope.ServiceProvider.GetRequiredService<TraineeRecordLoader>().LoadAsync(traineeId, DateOnly.FromDateTime(now.UtcDateTime));
        var attestation = SignedAttestation.Sign(
            Guid.CreateVersion7(now), traineeId, signer.Id, AttestationType.PreceptorAu, null, ["G3"], AttestationStatements.CurrentVersion,
            AttestationStatements.PreceptorAu(PhysicianName, Pathway.Section396, [UseCategory.G3]), signer.FullName, SignerCredentials, license,
            AttestationStatements.Meaning(signer.FullName), now, "America/Detroit", TraineeRecordJsonWriter.Serialize(record!));
        db.Attestations.Add(attestation);
        await db.SaveChangesAsync();
        return attestation;
    }

    public static async Task WithdrawAsync(IServiceProvider services, SignedAttestation attestation)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Attestations.Add(attestation.Withdraw(Guid.CreateVersion7(), attestation.SignerUserId, SignerName, "Signed for the wrong physician.",
            DateTimeOffset.UtcNow, "America/Detroit"));
        await db.SaveChangesAsync();
    }

    /// <summary>The packet as the physician downloads it.</summary>
    public static async Task<byte[]> DownloadPacketAsync(PortalFactory portal, SignedAttestation attestation)
    {
        var client = await portal.SignedInAsync(Physician);
        var response = await client.GetAsync($"/Attestations/Packet/{attestation.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
