namespace TrainingNetwork.Domain.Cases;

/// <summary>
/// A de-identified administration the trainee took part in under a preceptor's supervision.
/// It holds no patient identifiers; its category is derived by the readiness engine, never typed in.
/// </summary>
public sealed class SupervisedCase
{
    public SupervisedCase(
        Guid id, Guid traineeId, Guid centerId, string supervisorUserId, DateOnly administeredOn,
        string radiopharmaceutical, string nuclide, AdministrationRoute route, decimal activityMbq,
        bool writtenDirectiveRequired, bool personalParticipation, DateTimeOffset createdAt)
    {
        if (activityMbq <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(activityMbq), activityMbq, "Administered activity must be above zero.");
        }

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
    public CaseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReturnNote { get; private set; }

    public void Submit(DateTimeOffset at)
    {
        if (Status is not (CaseStatus.Draft or CaseStatus.Returned))
        {
            throw new InvalidOperationException($"A {Status} case cannot be submitted.");
        }

        Status = CaseStatus.Submitted;
        SubmittedAt = at;
    }

    public void Approve(string reviewerUserId, DateTimeOffset at)
    {
        RequireReviewable(reviewerUserId);
        Status = CaseStatus.Approved;
        ReviewedAt = at;
        ReturnNote = null;
    }

    public void Return(string reviewerUserId, string note, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        RequireReviewable(reviewerUserId);
        Status = CaseStatus.Returned;
        ReviewedAt = at;
        ReturnNote = note;
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

public enum AdministrationRoute
{
    Oral,
    Intravenous,
    IntraArterial,
    Intracavitary,
    Intrathecal,
    OtherParenteral,
}
