using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Preceptor;

/// <summary>The preceptor's own Authorized User listings: case review opens once staff have verified one against its license page.</summary>
public sealed class AuthorizationsModel(AppDbContext db, TimeProvider clock) : AuthorizationListingsModel(db, clock)
{
    /// <summary>The categories the preceptor may review cases in today.</summary>
    public IReadOnlySet<string> ReviewableCategories { get; private set; } = new HashSet<string>();

    protected override string DefaultBasis => "35.390";

    // The Preceptor folder policy already admits only preceptors, and anyone with that role keeps their own listings.
    protected override Task<bool> MayKeepListingsAsync(AppDbContext db, CancellationToken ct) => Task.FromResult(true);

    protected override async Task LoadMoreAsync(AppDbContext db, DateOnly today, CancellationToken ct) =>
        ReviewableCategories = await db.ReviewableCategoriesAsync(User.GetUserId(), today, ct);
}
