using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>
/// Administrations of the center claimed as supervised cases by more trainees than its policy allows: the coordinator
/// checks them with the preceptors. Only a short prefix of the patient token is shown; it identifies no one.
/// </summary>
public sealed class ClaimsModel(AppDbContext db) : CoordinatedCenterPage(db)
{
    /// <summary>Enough of the token to tell administrations apart on this page.</summary>
    public const int TokenPrefixLength = 8;

    public int MaxTraineesPerAdministration { get; private set; }

    public IReadOnlyList<RepeatClaim> Flagged { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var center = await MyCenter().Select(c => new { c.Name, c.MaxTraineesPerAdministration }).SingleOrDefaultAsync(ct);
        if (center is null)
        {
            return NotFound();
        }

        (CenterName, MaxTraineesPerAdministration) = (center.Name, center.MaxTraineesPerAdministration);
        var flagged = await Db.FlaggedIn(MyCenter().Select(c => c.Id)).ToListAsync(ct);
        var tokens = flagged.Select(f => f.PatientToken).Distinct().ToList();
        var claims = await Db.Cases.Where(c => c.CenterId == CenterId && tokens.Contains(c.PatientToken!))
            .Join(Db.Trainees, c => c.TraineeId, t => t.Id, (c, t) => new { Case = c, t.UserId })
            .Join(Db.Users, x => x.UserId, u => u.Id, (x, u) => new
            {
                x.Case.AdministeredOn, x.Case.Radiopharmaceutical, x.Case.PatientToken, Claim = new Claim(u.FullName, x.Case.Status),
            })
            .ToListAsync(ct);
        Flagged = [.. flagged.OrderByDescending(f => f.AdministeredOn).ThenBy(f => f.Radiopharmaceutical, StringComparer.Ordinal).ThenBy(f => f.PatientToken, StringComparer.Ordinal)
            .Select(f => new RepeatClaim(
                f.AdministeredOn, f.Radiopharmaceutical, f.PatientToken[..Math.Min(TokenPrefixLength, f.PatientToken.Length)], f.Trainees,
                [.. claims.Where(c => c.AdministeredOn == f.AdministeredOn && c.Radiopharmaceutical == f.Radiopharmaceutical && c.PatientToken == f.PatientToken)
                    .Select(c => c.Claim).OrderBy(c => c.Physician, StringComparer.Ordinal)]))];
        return Page();
    }

    public sealed record Claim(string Physician, CaseStatus Status);

    public sealed record RepeatClaim(DateOnly AdministeredOn, string Radiopharmaceutical, string TokenPrefix, int Trainees, IReadOnlyList<Claim> Claims);
}
