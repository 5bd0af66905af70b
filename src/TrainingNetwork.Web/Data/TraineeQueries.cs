using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Data;

public static class TraineeQueries
{
    /// <summary>The trainee profile id of the signed-in physician, or null when the account has none.</summary>
    public static Task<Guid?> TraineeIdOfAsync(this AppDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.GetUserId();
        return db.Trainees.Where(t => t.UserId == userId).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
    }
}
