namespace TrainingNetwork.Domain.Trainees;

/// <summary>A physician's request to train at a center, and the center's answer.</summary>
public sealed class Placement : ITraineeEvidence
{
    private static readonly PlacementStatus[] WithdrawableStatuses = [PlacementStatus.Requested, PlacementStatus.Waitlisted];

    public Placement(Guid id, Guid traineeId, Guid centerId, DateOnly preferredStart, DateTimeOffset requestedAt)
    {
        Id = id;
        TraineeId = traineeId;
        CenterId = centerId;
        PreferredStart = preferredStart;
        RequestedAt = requestedAt;
        Status = PlacementStatus.Requested;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public Guid CenterId { get; private set; }
    public DateOnly PreferredStart { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public PlacementStatus Status { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public string? DeclineReason { get; private set; }

    public void Accept(DateOnly startsOn)
    {
        RequireStatus(PlacementStatus.Requested, PlacementStatus.Waitlisted);
        Status = PlacementStatus.Accepted;
        StartsOn = startsOn;
    }

    public void Waitlist()
    {
        RequireStatus(PlacementStatus.Requested);
        Status = PlacementStatus.Waitlisted;
    }

    public void Decline(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RequireStatus(PlacementStatus.Requested, PlacementStatus.Waitlisted);
        Status = PlacementStatus.Declined;
        DeclineReason = reason;
    }

    public void Complete()
    {
        RequireStatus(PlacementStatus.Accepted);
        Status = PlacementStatus.Completed;
    }

    /// <summary>Whether the physician may still take the request back: the center has neither accepted nor declined it.</summary>
    public static bool CanWithdraw(PlacementStatus status) => WithdrawableStatuses.Contains(status);

    public void Withdraw()
    {
        RequireStatus(WithdrawableStatuses);
        Status = PlacementStatus.Withdrawn;
    }

    private void RequireStatus(params PlacementStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"A placement that is {Status} cannot change this way.");
        }
    }
}

public enum PlacementStatus
{
    Requested,
    Accepted,
    Waitlisted,
    Declined,
    Completed,
    Withdrawn,
}
