using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Placements;

/// <summary>
/// Where one physician could finish: for each category they still need supervised cases in (the readiness summary's
/// answer), the centers with a capacity in it, ranked by <see cref="FinishEstimator"/> from the physician's practice state.
/// Shown to the physician themselves and to network staff on their behalf (<c>_FinishRanking</c>).
/// </summary>
public sealed record FinishRanking(
    Guid TraineeId, string Physician, string HomeState, DateOnly? EvaluatedOn, IReadOnlyList<CategoryRanking> Categories, bool ForPhysician)
{
    /// <summary>False until the readiness engine has evaluated the physician; then nothing is known about their remaining cases.</summary>
    public bool Evaluated => EvaluatedOn is not null;

    /// <summary>The ranking for <paramref name="traineeId"/>; null when there is no such physician.</summary>
    public static async Task<FinishRanking?> LoadAsync(AppDbContext db, Guid traineeId, bool forPhysician, CancellationToken ct)
    {
        var trainee = await db.Trainees.AsNoTracking().Where(t => t.Id == traineeId)
            .Select(t => new
            {
                t.PracticeState,
                Name = db.Users.Where(u => u.Id == t.UserId).Select(u => u.FullName).First(),
                Summary = db.ReadinessSummaries.Where(s => s.TraineeId == t.Id).Select(s => new { s.EvaluatedOn, s.CasesStillNeeded }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (trainee is null)
        {
            return null;
        }

        var categories = new List<CategoryRanking>();
        foreach (var category in MatchingCategories.All)
        {
            var needed = RemainingCases.In(trainee.Summary?.CasesStillNeeded ?? [], category);
            if (needed > 0)
            {
                var supplies = await CenterSupplies.LoadAsync(db, category, ct);
                categories.Add(new CategoryRanking(
                    category, needed, FinishEstimator.Rank(trainee.PracticeState, needed, supplies.Select(s => s.For(traineeId)))));
            }
        }

        return new FinishRanking(traineeId, trainee.Name, trainee.PracticeState, trainee.Summary?.EvaluatedOn, categories, forPhysician);
    }

    /// <summary>"(G)(3)" for "G3", as the regulation names its categories.</summary>
    public static string CategoryName(string category) => $"({category[0]})({category[1..]})";
}

/// <summary>The centers ranked for one category the physician still needs <see cref="CasesNeeded"/> cases in.</summary>
public sealed record CategoryRanking(string Category, int CasesNeeded, IReadOnlyList<FinishEstimate> Centers)
{
    public string Name => FinishRanking.CategoryName(Category);

    public string Summary => $"{CasesNeeded} {(CasesNeeded == 1 ? "case" : "cases")} to go in {Name}";
}
