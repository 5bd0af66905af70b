using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Jurisdictions;

namespace TrainingNetwork.Web.Data;

public static class JurisdictionQueries
{
    /// <summary>Who regulates <paramref name="state"/> and under which rule set on <paramref name="on"/>, as Admin keeps it.</summary>
    public static async Task<JurisdictionRule> JurisdictionInForceAsync(this AppDbContext db, string state, DateOnly on, CancellationToken ct) =>
        JurisdictionRule.InForce(await db.JurisdictionRules.AsNoTracking().Where(r => r.State == state).ToListAsync(ct), on);
}
