using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages;

/// <summary>One step of a case's history, as the physician and the reviewing preceptor see it (<c>_CaseHistory</c>).</summary>
public sealed record CaseHistoryRow(DateTimeOffset At, CaseEventKind Kind, string Actor, string? Note)
{
    public string What => Kind switch
    {
        CaseEventKind.Logged => "Logged",
        CaseEventKind.Edited => "Edited",
        CaseEventKind.Submitted => "Submitted for review",
        CaseEventKind.Approved => "Approved",
        CaseEventKind.Returned => "Returned for changes",
        _ => Kind.ToString(),
    };

    /// <summary>The history of a case the caller has already found the person may see, oldest first.</summary>
    public static Task<List<CaseHistoryRow>> LoadAsync(AppDbContext db, Guid caseId, CancellationToken ct) =>
        // Events of one action share an instant; their kinds then sort in the order they happen (Logged/Edited before Submitted).
        db.CaseEvents.Where(e => e.CaseId == caseId)
            .OrderBy(e => e.At).ThenBy(e => e.Kind)
            .Join(db.Users, e => e.ActorUserId, u => u.Id, (e, u) => new CaseHistoryRow(e.At, e.Kind, u.FullName, e.Note))
            .ToListAsync(ct);
}
