using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Placements;

/// <summary>A physician's placement as they follow it, from request to completion.</summary>
public sealed record PlacementSummary(
    Guid Id, Guid CenterId, string Center, PlacementStatus Status, DateOnly PreferredStart, DateTimeOffset RequestedAt,
    DateOnly? StartsOn, string? DeclineReason, string Category)
{
    public bool CanWithdraw => Placement.CanWithdraw(Status);
}

public static class OpenPlacements
{
    // A physician keeps at most one of these per center: a pending request, or a place they hold.
    private static readonly PlacementStatus[] OpenStatuses = [PlacementStatus.Requested, PlacementStatus.Waitlisted, PlacementStatus.Accepted];

    public static bool IsOpen(PlacementStatus status) => OpenStatuses.Contains(status);

    public static IQueryable<Placement> Open(this IQueryable<Placement> placements) => placements.Where(p => OpenStatuses.Contains(p.Status));

    /// <summary>Newest first, with the center's name.</summary>
    public static IQueryable<PlacementSummary> Summaries(this IQueryable<Placement> placements, AppDbContext db) =>
        placements.OrderByDescending(p => p.RequestedAt)
            .Select(p => new PlacementSummary(
                p.Id, p.CenterId, db.Centers.Where(c => c.Id == p.CenterId).Select(c => c.Name).First(), p.Status, p.PreferredStart,
                p.RequestedAt, p.StartsOn, p.DeclineReason, p.Category));
}
