using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Cases;

/// <summary>
/// A de-identified administration the trainee took part in under a preceptor's supervision.
/// It holds no patient identifiers; its category is derived by the readiness engine, never typed in.
/// </summary>
public sealed class SupervisedCase : ITraineeEvidence
{
    private readonly List<CaseEvent> _history = [];

    public SupervisedCase(
        Guid id, Guid traineeId, Guid centerId, string supervisorUserId, DateOnly administeredOn,
        string radiopharmaceutical, string nuclide, AdministrationRoute route, decimal activityMbq,
        bool writtenDirectiveRequired, bool personalParticipation, string? patientToken, string? note,
        string loggedByUserId, DateTimeOffset createdAt)
        : this(id, traineeId, centerId, supervisorUserId, administeredOn, radiopharmaceutical, nuclide, route, activityMbq,
            writtenDirectiveRequired, personalParticipation, createdAt)
    {
        RequirePositive(activityMbq);
        PatientToken = patientToken;
        Note = note;
        Record(CaseEventKind.Logged, loggedByUserId, createdAt, null);
    }

    // Used by EF Core when it loads a case: the remaining properties are set from their columns.
    private SupervisedCase(
        Guid id, Guid traineeId, Guid centerId, string supervisorUserId, DateOnly administeredOn,
        string radiopharmaceutical, string nuclide, AdministrationRoute route, decimal activityMbq,
        bool writtenDirectiveRequired, bool personalParticipation, DateTimeOffset createdAt)
    {
        Id = id;
        TraineeId = traineeId;
        CenterId = centerId;
        SupervisorUserId = supervisorUserId;
        AdministeredOn = administeredOn;
        Radiopharmaceutical = radiopharmaceutical;
        Nuclide = nuclide;
        Route = route;
        ActivityMbq = activityMbq;
        WrittenDirectiveRequired = writtenDirectiveRequired;
        PersonalParticipation = personalParticipation;
        CreatedAt = createdAt;
        Status = CaseStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public Guid CenterId { get; private set; }
    public string SupervisorUserId { get; private set; }
    public DateOnly AdministeredOn { get; private set; }
    public string Radiopharmaceutical { get; private set; }
    public string Nuclide { get; private set; }
    public AdministrationRoute Route { get; private set; }
    public decimal ActivityMbq { get; private set; }
    public bool WrittenDirectiveRequired { get; private set; }
    public bool PersonalParticipation { get; private set; }

    /// <summary>A keyed hash of the center-local patient pseudonym: lets the engine see repeat patients, reveals nothing.</summary>
    public string? PatientToken { get; private set; }

    /// <summary>A short clinical note, screened for identifiers before it is accepted.</summary>
    public string? Note { get; private set; }

    public CaseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReturnNote { get; private set; }

    /// <summary>Bumped on every change so that two people acting on one case at once cannot both succeed.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<CaseEvent> History => _history;

    public bool IsSignedOff => IsSignOff(Status);

    /// <summary>Whether a case in <paramref name="status"/> counts as signed off by its supervisor (usable in query projections).</summary>
    public static bool IsSignOff(CaseStatus status) => status == CaseStatus.Approved;

    /// <summary>A draft, or a case the preceptor returned, can go (back) to the preceptor for review.</summary>
    public bool CanBeSubmitted => Status is CaseStatus.Draft or CaseStatus.Returned;

    /// <summary>Changes what was logged. An approved case goes back to the preceptor: a sign-off covers what it saw.</summary>
    public void Edit(
        string supervisorUserId, DateOnly administeredOn, string radiopharmaceutical, string nuclide, AdministrationRoute route,
        decimal activityMbq, bool writtenDirectiveRequired, bool personalParticipation, string? patientToken, string? note,
        string actorUserId, DateTimeOffset at)
    {
        RequirePositive(activityMbq);
        SupervisorUserId = supervisorUserId;
        AdministeredOn = administeredOn;
        Radiopharmaceutical = radiopharmaceutical;
        Nuclide = nuclide;
        Route = route;
        ActivityMbq = activityMbq;
        WrittenDirectiveRequired = writtenDirectiveRequired;
        PersonalParticipation = personalParticipation;
        PatientToken = patientToken;
        Note = note;
        Record(CaseEventKind.Edited, actorUserId, at, null);
        if (Status == CaseStatus.Approved)
        {
            Status = CaseStatus.Submitted;
            SubmittedAt = at;
            ReviewedAt = null;
            Record(CaseEventKind.Submitted, actorUserId, at, "Edited after approval: needs a new sign-off.");
        }
    }

    public void Submit(string actorUserId, DateTimeOffset at)
    {
        if (!CanBeSubmitted)
        {
            throw new InvalidOperationException($"A {Status} case cannot be submitted.");
        }

        Status = CaseStatus.Submitted;
        SubmittedAt = at;
        Record(CaseEventKind.Submitted, actorUserId, at, null);
    }

    public void Approve(string reviewerUserId, DateTimeOffset at)
    {
        RequireReviewable(reviewerUserId);
        Status = CaseStatus.Approved;
        ReviewedAt = at;
        ReturnNote = null;
        Record(CaseEventKind.Approved, reviewerUserId, at, null);
    }

    public void Return(string reviewerUserId, string note, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        RequireReviewable(reviewerUserId);
        Status = CaseStatus.Returned;
        ReviewedAt = at;
        ReturnNote = note;
        Record(CaseEventKind.Returned, reviewerUserId, at, note);
    }

    private void Record(CaseEventKind kind, string actorUserId, DateTimeOffset at, string? note)
    {
        Version++;
        _history.Add(new CaseEvent(Guid.CreateVersion7(at), Id, kind, actorUserId, at, note));
    }

    private static void RequirePositive(decimal activityMbq)
    {
        if (activityMbq <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(activityMbq), activityMbq, "Administered activity must be above zero.");
        }
    }

    private void RequireReviewable(string reviewerUserId)
    {
        if (Status != CaseStatus.Submitted)
        {
            throw new InvalidOperationException($"Only a submitted case can be reviewed; this one is {Status}.");
        }

        if (reviewerUserId != SupervisorUserId)
        {
            throw new InvalidOperationException("Only the supervising preceptor can review this case.");
        }
    }
}

public enum CaseStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}
