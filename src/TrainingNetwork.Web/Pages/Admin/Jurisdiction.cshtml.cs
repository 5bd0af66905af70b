using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Centers;
using TrainingNetwork.Web.Pages.Profile;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Admin;

/// <summary>
/// One state's jurisdiction rules in date order. An admin adds a row (who regulates from which date, under which rule set,
/// and where that comes from) or removes one, never the last; each change is audited and the physicians licensed in the
/// state are re-evaluated at once, in the same transaction.
/// </summary>
[IdempotentForm("Add")]
public sealed class JurisdictionModel(AppDbContext db, IdempotentForms forms, TimeProvider clock) : PageModel
{
    public const string SubjectType = "jurisdiction_rule";

    /// <summary>Kentucky, the first Agreement State, signed in 1962: no rule can be older.</summary>
    public static readonly DateOnly Earliest = new(1962, 1, 1);

    public const int YearsAhead = 10;

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public string State { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public DateOnly Latest => Today.AddYears(YearsAhead);
    public IReadOnlyList<JurisdictionRule> Rules { get; private set; } = [];
    public JurisdictionRule InForce => JurisdictionRule.InForce(Rules, Today);
    public int Physicians { get; private set; }

    public async Task<IActionResult> OnGetAsync(string state, CancellationToken ct) =>
        await ShowAsync(state, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string state, CancellationToken ct)
    {
        if (!await ShowAsync(state, ct))
        {
            return NotFound();
        }

        var regulator = Parse(RecordCodes.Regulators, Input.Regulator, "Input.Regulator", "Choose NRC or Agreement State.");
        var ruleSet = Parse(RecordCodes.RuleSets, Input.RuleSet, "Input.RuleSet", "Choose NRC-2019 or LEGACY-2005.");
        if (Input.EffectiveFrom is { } from && (from < Earliest || from > Latest))
        {
            ModelState.AddModelError("Input.EffectiveFrom", $"Enter a date from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}.");
        }
        else if (Rules.Any(r => r.EffectiveFrom == Input.EffectiveFrom))
        {
            ModelState.AddModelError("Input.EffectiveFrom", Duplicate(Input.EffectiveFrom!.Value));
        }

        ModelState.CheckText("Input.Note", Input.Note, JurisdictionRule.NoteMaxLength);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rule = new JurisdictionRule(Guid.CreateVersion7(clock.GetUtcNow()), State, regulator, ruleSet, Input.EffectiveFrom!.Value, TextInput.Clean(Input.Note!));
        db.JurisdictionRules.Add(rule);
        db.Audit(User.GetUserId(), AuditAction.JurisdictionRuleAdded, SubjectType, rule.Id, null, AuditSnapshots.Of(rule), $"{State}: {Describe(rule)} added");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var done = forms.Add(this, RedirectToPage(new { state = State }));
        int refreshed;
        try
        {
            refreshed = await SaveAndReevaluateAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another admin added a row for the same date meanwhile (ix_jurisdiction_rules_state_effective_from).
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.EffectiveFrom", Duplicate(rule.EffectiveFrom));
            return Page();
        }

        await transaction.CommitAsync(ct);
        TempData["Status"] = $"Added: {Describe(rule)}. {Reevaluated(refreshed)}";
        return done;
    }

    public async Task<IActionResult> OnPostRemoveAsync(string state, Guid ruleId, CancellationToken ct)
    {
        if (!await ShowAsync(state, ct) || Rules.All(r => r.Id != ruleId))
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locks the state's rows, so that two admins removing its last two rows at once cannot leave it with none.
        var rows = await db.JurisdictionRules.FromSql($"SELECT * FROM jurisdiction_rules WHERE state = {State} FOR UPDATE").ToListAsync(ct);
        if (rows.SingleOrDefault(r => r.Id == ruleId) is not { } rule)
        {
            return NotFound();
        }

        if (rows.Count == 1)
        {
            ModelState.AddModelError(string.Empty,
                $"{State} keeps at least one row: the engine needs a rule set for every state. Add the row that replaces it first, then remove this one.");
            return Page();
        }

        db.JurisdictionRules.Remove(rule);
        db.Audit(User.GetUserId(), AuditAction.JurisdictionRuleRemoved, SubjectType, rule.Id, AuditSnapshots.Of(rule), null, $"{State}: {Describe(rule)} removed");
        var refreshed = await SaveAndReevaluateAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = $"Removed: {Describe(rule)}. {Reevaluated(refreshed)}";
        return RedirectToPage(new { state = State });
    }

    /// <summary>Saves the change, then re-evaluates every physician whose licensee is in this state; returns how many.</summary>
    private async Task<int> SaveAndReevaluateAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var licensedHere = await db.Trainees.Where(t => (t.IntendedLicenseeState ?? t.PracticeState) == State).Select(t => t.Id).ToListAsync(ct);
        return await ReadinessSummaries.RefreshAsync(db, licensedHere, Today, ct);
    }

    private async Task<bool> ShowAsync(string state, CancellationToken ct)
    {
        if (!UsState.IsValid(state))
        {
            return false;
        }

        State = UsState.Normalize(state);
        Today = clock.Today();
        Rules = await db.JurisdictionRules.AsNoTracking().Where(r => r.State == State).OrderBy(r => r.EffectiveFrom).ToListAsync(ct);
        Physicians = await db.Trainees.CountAsync(t => (t.IntendedLicenseeState ?? t.PracticeState) == State, ct);
        return Rules.Count > 0;
    }

    private T Parse<T>(CodeMap<T> codes, string? code, string field, string problem) where T : struct, Enum
    {
        if (codes.TryParse(code ?? "", out var value))
        {
            return value;
        }

        ModelState.AddModelError(field, problem);
        return default;
    }

    private string Duplicate(DateOnly date) =>
        $"{State} already has a row from {date:yyyy-MM-dd}. Choose another date, or remove that row first to replace it.";

    private static string Describe(JurisdictionRule rule) =>
        $"from {rule.EffectiveFrom:yyyy-MM-dd} {rule.State} is regulated by the {CenterPlaces.RegulatorName(rule.Regulator)} under {AppliedRuleSet.Code(rule.RuleSet)}";

    private static string Reevaluated(int count) =>
        count == 1 ? "1 physician licensed there was re-evaluated." : $"{count} physicians licensed there were re-evaluated.";

    public sealed class RuleInput
    {
        [Display(Name = "Regulator")]
        public string? Regulator { get; set; }

        [Display(Name = "Rule set")]
        public string? RuleSet { get; set; }

        [Required(ErrorMessage = "Enter the date from which the row applies.")]
        [Display(Name = "Effective from")]
        public DateOnly? EffectiveFrom { get; set; }

        [Required(ErrorMessage = "Write a note: where this comes from (a Federal Register notice, a state rule) or why you enter it.")]
        [Display(Name = "Note")]
        [DataType(DataType.MultilineText)]
        public string? Note { get; set; }
    }
}
