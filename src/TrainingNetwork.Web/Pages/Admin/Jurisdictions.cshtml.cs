using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Admin;

/// <summary>Every state with who regulates it today and the rule set in force there, as Admin keeps the jurisdiction rules.</summary>
public sealed class JurisdictionsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public IReadOnlyList<StateRow> States { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        var rules = (await db.JurisdictionRules.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.State);
        var physicians = await db.Trainees.GroupBy(t => t.IntendedLicenseeState ?? t.PracticeState)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, ct);
        States = [.. UsState.All.Where(rules.Contains).Select(state => new StateRow(
            state, JurisdictionRule.InForce(rules[state], Today), rules[state].Count(), physicians.GetValueOrDefault(state)))];
    }

    public sealed record StateRow(string State, JurisdictionRule InForce, int RowCount, int Physicians);
}
