namespace TrainingNetwork.Domain.Cases;

/// <summary>One step in a case's history: who did what, when, and the note they left.</summary>
public sealed class CaseEvent(Guid id, Guid caseId, CaseEventKind kind, string actorUserId, DateTimeOffset at, string? note)
{
    public Guid Id { get; private set; } = id;
    public Guid CaseId { get; private set; } = caseId;
    public CaseEventKind Kind { get; private set; } = kind;
    public string ActorUserId { get; private set; } = actorUserId;
    public DateTimeOffset At { get; private set; } = at;
    public string? Note { get; private set; } = note;
}

public enum CaseEventKind
{
    Logged,
    Edited,
    Submitted,
    Approved,
    Returned,
}
