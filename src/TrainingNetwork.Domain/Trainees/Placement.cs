using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Domain.Trainees;

/// <summary>A physician's request to train at a center, and the center's answer.</summary>
public sealed class Placement : ITraineeEvidence
{
    private static readonly PlacementStatus[] WithdrawableStatuses = [PlacementStatus.Requested, PlacementStatus.Waitlisted];

    public Placement(Guid id, Guid traineeId, Guid centerId, DateOnly preferredStart, DateTimeOffset requestedAt, string category = "G3")
    {
        Id = id;
        Category = MatchingCategories.Normalize(category);
        TraineeId = traineeId;
        CenterId = centerId;
        PreferredStart = preferredStart;
        RequestedAt = requestedAt;
        Status = PlacementStatus.Requested;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public Guid CenterId { get; private set; }

    /// <summary>The category the physician trains in here (G1, G2, G3); it takes one of the center's slots for it.</summary>
    public string Category { get; private set; }
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

    /// <summary>A place offered from the national waitlist and accepted: the center had already agreed to it.</summary>
    public static Placement FromAcceptedOffer(Guid id, Guid traineeId, Guid centerId, string category, DateOnly startsOn, DateTimeOffset acceptedAt)
    {
        var placement = new Placement(id, traineeId, centerId, startsOn, acceptedAt, category);
        placement.Accept(startsOn);
        return placement;
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
