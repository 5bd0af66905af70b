using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Matching;

/// <summary>
/// A physician waiting for a place in a category within a region of the national waitlist, and the one offer they may
/// hold at a time. The fair order is <see cref="InLine"/>: first in line first; declining an offer or letting it lapse
/// sends the physician to the back of the line (decision 0013).
/// </summary>
public sealed class WaitlistEntry
{
    public WaitlistEntry(Guid id, Guid traineeId, string homeState, string region, string category, DateTimeOffset joinedAt)
    {
        if (!UsRegion.All.Contains(region))
        {
            throw new ArgumentException($"'{region}' is not a region.", nameof(region));
        }

        Id = id;
        TraineeId = traineeId;
        HomeState = UsState.Normalize(homeState);
        Region = region;
        Category = MatchingCategories.Normalize(category);
        JoinedAt = joinedAt;
        QueuedAt = joinedAt;
        Status = WaitlistStatus.Waiting;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }

    /// <summary>The physician's state when they joined: offers go to the nearest center with room.</summary>
    public string HomeState { get; private set; }

    public string Region { get; private set; }
    public string Category { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>The physician's place in line: when they joined, or when they last passed on an offer.</summary>
    public DateTimeOffset QueuedAt { get; private set; }

    public WaitlistStatus Status { get; private set; }
    public Guid? OfferedCenterId { get; private set; }
    public DateTimeOffset? OfferedAt { get; private set; }
    public DateTimeOffset? OfferExpiresAt { get; private set; }

    /// <summary>Centers whose offer the physician declined or let lapse; they are not offered again.</summary>
    public List<Guid> PassedCenterIds { get; private set; } = [];

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Raised by every change, so that two changes made at once (the physician and a round) cannot both win.</summary>
    public long Version { get; private set; }

    /// <summary>The fair order of the line: earliest place first, then the id so that equal times still have one order.</summary>
    public static IOrderedEnumerable<WaitlistEntry> InLine(IEnumerable<WaitlistEntry> entries) =>
        entries.OrderBy(e => e.QueuedAt).ThenBy(e => e.Id);

    public bool IsActive => Status is WaitlistStatus.Waiting or WaitlistStatus.Offered;

    public void Offer(Guid centerId, DateTimeOffset now, TimeSpan acceptanceWindow)
    {
        Require(WaitlistStatus.Waiting);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(acceptanceWindow, TimeSpan.Zero);
        if (PassedCenterIds.Contains(centerId))
        {
            throw new InvalidOperationException("This physician already passed on that center.");
        }

        Version++;
        Status = WaitlistStatus.Offered;
        OfferedCenterId = centerId;
        OfferedAt = now;
        OfferExpiresAt = now + acceptanceWindow;
    }

    /// <summary>Whether the offer has run past its deadline without an answer.</summary>
    public bool OfferLapsed(DateTimeOffset now) => Status == WaitlistStatus.Offered && now > OfferExpiresAt;

    /// <summary>Takes the offered place: the physician is placed at the center from <paramref name="startsOn"/>.</summary>
    public Placement AcceptOffer(Guid placementId, DateOnly startsOn, DateTimeOffset now)
    {
        Require(WaitlistStatus.Offered);
        if (OfferLapsed(now))
        {
            throw new InvalidOperationException("The offer has lapsed.");
        }

        var placement = Placement.FromAcceptedOffer(placementId, TraineeId, OfferedCenterId!.Value, Category, startsOn, now);
        Version++;
        Status = WaitlistStatus.Placed;
        EndedAt = now;
        return placement;
    }

    public void DeclineOffer(DateTimeOffset now)
    {
        Require(WaitlistStatus.Offered);
        PassOn(now);
    }

    public void ExpireOffer(DateTimeOffset now)
    {
        if (!OfferLapsed(now))
        {
            throw new InvalidOperationException("The offer has not lapsed.");
        }

        PassOn(now);
    }

    /// <summary>The physician leaves the waitlist (an open offer goes to the next in line).</summary>
    public void Leave(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"A waitlist entry that is {Status} cannot change this way.");
        }

        Version++;
        Status = WaitlistStatus.Left;
        OfferedCenterId = null;
        OfferedAt = null;
        OfferExpiresAt = null;
        EndedAt = now;
    }

    private void PassOn(DateTimeOffset now)
    {
        PassedCenterIds = [.. PassedCenterIds, OfferedCenterId!.Value];
        Version++;
        Status = WaitlistStatus.Waiting;
        OfferedCenterId = null;
        OfferedAt = null;
        OfferExpiresAt = null;
        QueuedAt = now;
    }

    private void Require(WaitlistStatus status)
    {
        if (Status != status)
        {
            throw new InvalidOperationException($"A waitlist entry that is {Status} cannot change this way.");
        }
    }
}

public enum WaitlistStatus
{
    Waiting,
    Offered,
    Placed,
    Left,
}
