using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Profile;

/// <summary>The physician's existing Authorized User listings, each with the uploaded license page that shows it.</summary>
public sealed class AuthorizationsModel(AppDbContext db, TimeProvider clock) : AuthorizationListingsModel(db, clock)
{
    protected override string DefaultBasis => "35.490";

    protected override async Task<bool> MayKeepListingsAsync(AppDbContext db, CancellationToken ct) => await db.TraineeIdOfAsync(User, ct) is not null;
}
