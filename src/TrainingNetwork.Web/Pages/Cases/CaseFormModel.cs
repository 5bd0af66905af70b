using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Cases;

/// <summary>What Create and Edit share: the case fields (<c>_CaseFields</c>), their choices and their checks.</summary>
public abstract class CaseFormModel : PageModel
{
    private static readonly DateOnly EarliestDate = new(2000, 1, 1);

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public IReadOnlyList<CenterOption> Centers { get; protected set; } = [];

    public IReadOnlyList<PreceptorOption> Preceptors { get; private set; } = [];

    /// <summary>Edit only: the case already has a patient token, which an empty pseudonym keeps.</summary>
    public bool HasPatientToken { get; protected set; }

    protected static DateOnly Today(TimeProvider clock) => clock.Today();

    /// <summary>The preceptors on the rosters of <see cref="Centers"/>: the only people who can supervise these cases.</summary>
    protected async Task LoadPreceptorsAsync(AppDbContext db, CancellationToken ct)
    {
        var centerIds = Centers.Select(c => c.Id).ToList();
        Preceptors = await db.CenterMemberships
            .Where(m => centerIds.Contains(m.CenterId) && m.Role == CenterRole.Preceptor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.CenterId, u.Id, u.FullName })
            .OrderBy(p => p.FullName)
            .Select(p => new PreceptorOption(p.CenterId, p.Id, p.FullName))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Puts a message next to every refused field and returns null, or returns what to save. The pseudonym leaves
    /// here only as its token, and the note only once it is screened for identifiers.
    /// </summary>
    protected CheckedCase? CheckInput(Guid centerId, DateOnly today, PseudonymKey key)
    {
        if (Centers.All(c => c.Id != centerId))
        {
            Refuse(nameof(CaseInput.CenterId), "Choose one of the centers that accepted your placement.");
        }
        else if (Input.SupervisorUserId is { } supervisor && !Preceptors.Any(p => p.CenterId == centerId && p.UserId == supervisor))
        {
            Refuse(nameof(CaseInput.SupervisorUserId), "Choose a preceptor on this center's roster.");
        }

        if (Input.AdministeredOn > today)
        {
            Refuse(nameof(CaseInput.AdministeredOn), "The date cannot be in the future.");
        }
        else if (Input.AdministeredOn < EarliestDate)
        {
            Refuse(nameof(CaseInput.AdministeredOn), "Enter a date in 2000 or later.");
        }

        var agent = CaseInput.Agents.FirstOrDefault(a => a.Name == Input.Agent);
        if (Input.Agent is not null && agent is null)
        {
            Refuse(nameof(CaseInput.Agent), "Choose a radiopharmaceutical from the list.");
        }

        ActivityParse? activity = null;
        if (!Enum.IsDefined(Input.ActivityUnit))
        {
            Refuse(nameof(CaseInput.ActivityUnit), "Choose MBq, GBq or mCi.");
        }
        else
        {
            activity = Activity.ParseMbq(Input.ActivityAmount, Input.ActivityUnit);
            if (activity.Error is { } error)
            {
                Refuse(nameof(CaseInput.ActivityAmount), error);
            }
        }

        if (PseudonymProblem(Input.PatientPseudonym) is { } pseudonymProblem)
        {
            Refuse(nameof(CaseInput.PatientPseudonym), pseudonymProblem);
        }

        if (NoteProblem(Input.Note) is { } noteProblem)
        {
            Refuse(nameof(CaseInput.Note), noteProblem);
        }

        if (!ModelState.IsValid || agent is null || activity?.Mbq is not { } mbq)
        {
            return null;
        }

        return new CheckedCase(
            Input.SupervisorUserId!, Input.AdministeredOn!.Value, agent.Name, CaseInput.NuclideOf(agent), agent.UsualRoute, mbq,
            Input.WrittenDirectiveRequired, Input.PersonalParticipation,
            PatientPseudonym.Token(Input.PatientPseudonym, centerId, key.Bytes),
            string.IsNullOrWhiteSpace(Input.Note) ? null : TextInput.Clean(Input.Note));
    }

    private static string? PseudonymProblem(string? pseudonym) =>
        TextInput.Problem(pseudonym, PatientPseudonym.MaxLength)
        ?? (pseudonym is not null && PatientPseudonym.LooksLikeIdentifier(pseudonym)
            ? "Use a short center-local pseudonym such as pt-07, never a name, record number or date."
            : null);

    /// <summary>Also checks a preceptor's note returning a case, which may be longer.</summary>
    internal static string? NoteProblem(string? note, int maxLength = CaseInput.NoteMaxLength)
    {
        if (TextInput.Problem(note, maxLength) is { } problem)
        {
            return problem;
        }

        var identifiers = IdentifierScreen.Find(note);
        return identifiers.Count == 0
            ? null
            : $"The note looks like it contains patient identifiers ({string.Join(", ", identifiers)}). Remove them; TrainingNetwork stores no patient identifiers.";
    }

    private void Refuse(string field, string message) => ModelState.AddModelError($"{nameof(Input)}.{field}", message);

    public sealed record CenterOption(Guid Id, string Name);

    public sealed record PreceptorOption(Guid CenterId, string UserId, string Name);

    public sealed record CheckedCase(
        string SupervisorUserId, DateOnly AdministeredOn, string Radiopharmaceutical, string Nuclide, AdministrationRoute Route,
        decimal ActivityMbq, bool WrittenDirectiveRequired, bool PersonalParticipation, string? PatientToken, string? Note);
}
