using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Profile;

/// <summary>Everything the physician has recorded about themselves, whether each pathway is open to them, and the pathway choice.</summary>
public sealed class IndexModel(AppDbContext db, TraineeRecordLoader records, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PathwayInput Choice { get; set; } = new();

    public Summary Details { get; private set; } = null!;
    public IReadOnlyList<EvidenceCard> Evidence { get; private set; } = [];
    public IReadOnlyList<PathwayEligibility> Eligibility { get; private set; } = [];
    public AppliedRuleSet RuleSet { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Choice = new PathwayInput { Pathway = RecordCodes.Pathways.ToCode(Details.Pathway), Categories = [.. Details.Categories] };
        return Page();
    }

    public async Task<IActionResult> OnPostPathwayAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        var trainee = await db.Trainees.SingleOrDefaultAsync(t => t.UserId == userId, ct);
        if (trainee is null)
        {
            return NotFound();
        }

        if (!RecordCodes.Pathways.TryParse(Choice.Pathway, out var pathway))
        {
            ModelState.AddModelError("Choice.Pathway", "Choose 35.396 or 35.390.");
        }

        // Under 35.396 the only category is (G)(3), whatever boxes were left ticked.
        List<string> codes = pathway == Pathway.Section396 ? ["G3"] : Choice.Categories;
        var categories = new List<UseCategory>();
        foreach (var code in codes.Distinct())
        {
            if (code is "G1" or "G2" or "G3" && RecordCodes.Categories.TryParse(code, out var category))
            {
                categories.Add(category);
            }
            else
            {
                ModelState.AddModelError("Choice.Categories", "Choose among G1, G2 and G3.");
            }
        }

        if (ModelState.IsValid && categories.Count == 0)
        {
            ModelState.AddModelError("Choice.Categories", "Under 35.390 choose at least one category.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        trainee.ChoosePathway(pathway, categories);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Your pathway is now 10 CFR {Choice.Pathway} ({string.Join(", ", trainee.RequestedCategories)}).";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var userId = User.GetUserId();
        var details = await db.Trainees.Where(t => t.UserId == userId)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new Summary(
                t.Id, u.FullName, u.Email ?? "", t.Npi, t.Specialty, t.PracticeState, t.Pathway, t.RequestedCategories))
            .SingleOrDefaultAsync(ct);
        if (details is null)
        {
            return false;
        }

        Details = details;
        Evidence =
        [
            new EvidenceCard("licenses", "State medical licenses", "./Licenses", "No licenses recorded yet.",
                await db.StateMedicalLicenses.Where(l => l.TraineeId == details.TraineeId)
                    .OrderBy(l => l.State).Select(l => l.State + " " + l.Number).ToListAsync(ct)),
            new EvidenceCard("boards", "Board certificates", "./Boards", "No board certificates recorded yet.",
                await db.BoardCertificates.Where(b => b.TraineeId == details.TraineeId)
                    .OrderByDescending(b => b.IssuedOn).Select(b => b.Board + ", " + b.Specialty).ToListAsync(ct)),
            new EvidenceCard("authorizations", "Authorized User listings", "./Authorizations", "No Authorized User listings recorded yet.",
                await db.PracticeAuthorizations.Where(a => a.UserId == userId)
                    .OrderByDescending(a => a.ListedFrom).Select(a => "10 CFR " + a.Basis + " · " + a.License).ToListAsync(ct)),
        ];

        var today = clock.Today();
        RuleSet = await AppliedRuleSet.OfAsync(db, await db.Trainees.AsNoTracking().SingleAsync(t => t.Id == details.TraineeId, ct), today, ct);
        var eligibility = new List<PathwayEligibility>();
        foreach (var pathway in new[] { details.Pathway, details.Pathway == Pathway.Section396 ? Pathway.Section390 : Pathway.Section396 })
        {
            var record = await records.LoadAsync(details.TraineeId, today, pathway, ct);
            eligibility.Add(new PathwayEligibility(RecordCodes.Pathways.ToCode(pathway), pathway == details.Pathway, ReadinessEngine.Evaluate(record!).Eligibility));
        }

        Eligibility = eligibility;
        return true;
    }

    public sealed record Summary(
        Guid TraineeId, string FullName, string Email, string? Npi, string Specialty, string PracticeState, Pathway Pathway, IReadOnlyList<string> Categories);

    public sealed record PathwayEligibility(string Code, bool Chosen, EligibilityResult Result);

    public sealed class PathwayInput
    {
        public string Pathway { get; set; } = "";

        public List<string> Categories { get; set; } = [];
    }
}
