using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>One administration (center, date, agent, patient) claimed as a supervised case by more trainees than the center allows.</summary>
public sealed record FlaggedAdministration(Guid CenterId, DateOnly AdministeredOn, string Radiopharmaceutical, string PatientToken, int Trainees);

public static class RepeatClaims
{
    /// <summary>
    /// The administrations of <paramref name="centerIds"/> claimed by more distinct trainees than each center's
    /// <c>MaxTraineesPerAdministration</c>, grouped and counted by the database (GROUP BY … HAVING).
    /// </summary>
    public static IQueryable<FlaggedAdministration> FlaggedIn(this AppDbContext db, IQueryable<Guid> centerIds) =>
        db.Cases.Where(c => c.PatientToken != null && centerIds.Contains(c.CenterId))
            .Join(db.Centers, c => c.CenterId, center => center.Id, (c, center) => new
            {
                c.CenterId, c.AdministeredOn, c.Radiopharmaceutical, c.PatientToken, c.TraineeId, center.MaxTraineesPerAdministration,
            })
            .GroupBy(c => new { c.CenterId, c.AdministeredOn, c.Radiopharmaceutical, c.PatientToken, c.MaxTraineesPerAdministration })
            .Where(g => g.Select(c => c.TraineeId).Distinct().Count() > g.Key.MaxTraineesPerAdministration)
            .Select(g => new FlaggedAdministration(
                g.Key.CenterId, g.Key.AdministeredOn, g.Key.Radiopharmaceutical, g.Key.PatientToken!, g.Select(c => c.TraineeId).Distinct().Count()));
}
