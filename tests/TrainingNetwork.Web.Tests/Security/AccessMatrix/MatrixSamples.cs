using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Tests.Security.AccessMatrix;

/// <summary>
/// The concrete request for each matrix row: route values naming demo objects of the Gateway center and of its physician
/// trainee14, and, for the few handlers that name their object in the form, a body naming one whose handling changes
/// nothing (an already answered placement, a capacity left empty, a wrong password). Every other POST sends only its
/// antiforgery token and idempotency key.
/// No Gateway attestation exists, so attestation pages use the seeded one of trainee21 (signed at Big Sky).
/// </summary>
public sealed class MatrixSamples
{
    private readonly Dictionary<string, string> _paths;
    private readonly Dictionary<MatrixKey, Dictionary<string, string>> _bodies;

    private MatrixSamples(Dictionary<string, string> paths, Dictionary<MatrixKey, Dictionary<string, string>> bodies)
    {
        _paths = paths;
        _bodies = bodies;
    }

    /// <summary>
    /// The account the admin pages act on: a Gateway preceptor who is none of the matrix's principals, because an empty
    /// POST to Disable really disables it.
    /// </summary>
    public const string AdministeredAccount = "preceptor2.gateway@trainingnetwork.test";

    /// <summary>The path (with query) to request for a route, or null when the route has parameters this table does not know.</summary>
    public string? PathFor(string route) =>
        _paths.TryGetValue(route, out var path) ? path : route.Contains('{') ? null : route;

    public IReadOnlyDictionary<string, string> BodyFor(MatrixKey key) =>
        _bodies.TryGetValue(key, out var body) ? body : new Dictionary<string, string>();

    public static async Task<MatrixSamples> ResolveAsync(IServiceProvider services, string staticAssetPath)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        List<string?> emails = [DemoAccounts.Trainee, DemoAccounts.Preceptor, DemoAccounts.Coordinator, AdministeredAccount];
        var users = await db.Users.Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var (traineeUserId, preceptorUserId) = (users[DemoAccounts.Trainee], users[DemoAccounts.Preceptor]);
        var gateway = await db.CenterMemberships
            .Where(m => m.UserId == users[DemoAccounts.Coordinator] && m.Role == CenterRole.CenterCoordinator).Select(m => m.CenterId).SingleAsync();
        var traineeId = await db.Trainees.Where(t => t.UserId == traineeUserId).Select(t => t.Id).SingleAsync();
        var reviewedCase = await db.Cases
            .Where(c => c.TraineeId == traineeId && c.CenterId == gateway && c.SupervisorUserId == preceptorUserId && c.SubmittedAt != null)
            .OrderBy(c => c.AdministeredOn).Select(c => c.Id).FirstAsync();
        var attestation = await db.Attestations.Where(a => a.WithdrawsAttestationId == null)
            .Join(db.Trainees, a => a.TraineeId, t => t.Id, (a, t) => new { a.Id, t.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Id, u.Email })
            .Where(x => x.Email == "trainee21@trainingnetwork.test").Select(x => x.Id).SingleAsync();
        var placement = await db.Placements.Where(p => p.TraineeId == traineeId && p.CenterId == gateway).Select(p => p.Id).SingleAsync();
        var membership = await db.CenterMemberships.Where(m => m.UserId == preceptorUserId && m.CenterId == gateway).Select(m => m.Id).SingleAsync();
        var therapy = await db.CenterTherapies.Where(t => t.CenterId == gateway).OrderBy(t => t.Agent).Select(t => t.Id).FirstAsync();
        var listing = await db.PracticeAuthorizations.Where(a => a.UserId == preceptorUserId).Select(a => a.Id).SingleAsync();
        var classroom = await db.ClassroomEntries.Where(c => c.TraineeId == traineeId).OrderBy(c => c.Topic).Select(c => c.Id).FirstAsync();
        var work = await db.WorkExperience.Where(w => w.TraineeId == traineeId).OrderBy(w => w.CompletedOn).Select(w => w.Id).FirstAsync();

        var document = new StoredDocument(Guid.NewGuid(), traineeUserId, "license.pdf", "application/pdf", "%PDF-1.4 matrix sample"u8.ToArray(), DateTimeOffset.UtcNow);
        db.Documents.Add(document);
        await db.SaveChangesAsync();

        var mail = scope.ServiceProvider.GetRequiredService<PickupFolderEmailSender>();
        var subject = $"Access matrix sample {Guid.NewGuid():N}";
        await mail.SendEmailAsync(DemoAccounts.Trainee, subject, "<p>Sample</p>");
        var message = mail.ReadAll().Single(m => m.Subject == subject).Id;

        var paths = new Dictionary<string, string>
        {
            ["/Admin/Account/{userId}"] = $"/Admin/Account/{users[AdministeredAccount]}",
            ["/Attestations/Details/{id:guid}"] = $"/Attestations/Details/{attestation}",
            ["/Attestations/Packet/{id:guid}"] = $"/Attestations/Packet/{attestation}",
            ["/Attestations/Withdraw/{id:guid}"] = $"/Attestations/Withdraw/{attestation}",
            ["/Attestations/Sign/{traineeId:guid}"] = $"/Attestations/Sign/{traineeId}",
            ["/Cases/Details/{id:guid}"] = $"/Cases/Details/{reviewedCase}",
            ["/Cases/Edit/{id:guid}"] = $"/Cases/Edit/{reviewedCase}",
            ["/Reviews/Case/{id:guid}"] = $"/Reviews/Case/{reviewedCase}",
            ["/Centers/Details/{id:guid}"] = $"/Centers/Details/{gateway}",
            ["/Coordination/Profile/{centerId:guid}"] = $"/Coordination/Profile/{gateway}",
            ["/Coordination/Capacity/{centerId:guid}"] = $"/Coordination/Capacity/{gateway}",
            ["/Coordination/Claims/{centerId:guid}"] = $"/Coordination/Claims/{gateway}",
            ["/Admin/Jurisdiction/{state}"] = "/Admin/Jurisdiction/MI",
            ["/Network/RuleSet/{traineeId:guid}"] = $"/Network/RuleSet/{traineeId}",
            ["/Coordination/Roster/{centerId:guid}"] = $"/Coordination/Roster/{gateway}",
            ["/Coordination/Therapies/{centerId:guid}"] = $"/Coordination/Therapies/{gateway}",
            ["/Coordination/Trainees/{centerId:guid}"] = $"/Coordination/Trainees/{gateway}",
            ["/Dev/Message/{id:guid}"] = $"/Dev/Message/{message}",
            ["/Documents/Show/{id:guid}"] = $"/Documents/Show/{document.Id}",
            ["/Network/Packets/Review/{attestationId:guid}"] = $"/Network/Packets/Review/{attestation}",
            ["/Network/Verification/Listing/{id:guid}"] = $"/Network/Verification/Listing/{listing}",
            ["/Training/DeleteClassroom/{id:guid}"] = $"/Training/DeleteClassroom/{classroom}",
            ["/Training/DeleteWorkExperience/{id:guid}"] = $"/Training/DeleteWorkExperience/{work}",
            ["/Placements/Request"] = $"/Placements/Request?centerId={gateway}",
            ["/Progress/{handler?}"] = "/Progress",
            ["/Identity/Account/ResetPassword"] = "/Identity/Account/ResetPassword?code=YWJj",
            ["/openapi/{documentName}.json"] = "/openapi/v1.json",
            ["/{**path:file}"] = "/no-such-file.txt",
            [EndpointCatalog.StaticAssets] = staticAssetPath,
        };
        var placementDecision = new Dictionary<string, string> { ["Input.PlacementId"] = placement.ToString() };
        var bodies = new Dictionary<MatrixKey, Dictionary<string, string>>
        {
            [new("POST", "/Coordination/Placements", "Accept")] = placementDecision,
            [new("POST", "/Coordination/Placements", "Waitlist")] = placementDecision,
            [new("POST", "/Coordination/Placements", "Decline")] = placementDecision,
            [new("POST", "/Coordination/Roster/{centerId:guid}", "ProgramDirector")] = new() { ["membershipId"] = membership.ToString(), ["directs"] = "false" },
            [new("POST", "/Coordination/Therapies/{centerId:guid}", "Capacity")] = new() { ["Input.TherapyId"] = therapy.ToString() },
            [new("POST", "/Placements", "Withdraw")] = new() { ["id"] = placement.ToString() },
            [new("POST", "/Identity/Account/Manage/DeletePersonalData", "")] = new() { ["Input.Password"] = "not the password" },
            [new("POST", "/Identity/Account/Manage/ExternalLogins", "RemoveLogin")] = new() { ["loginProvider"] = "none", ["providerKey"] = "none" },
        };
        return new MatrixSamples(paths, bodies);
    }
}
