using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Domain.Matching;

/// <summary>Places free at a center in one category, where no trainee is placed and no offer is open.</summary>
public sealed record Opening(Guid CenterId, string CenterState, string Category, int Places)
{
    public string Region => UsRegion.Of(CenterState);
}

public sealed record WaitlistOffer(WaitlistEntry Entry, Guid CenterId);

/// <summary>
/// Who is offered the open places: the waiting physicians in the fair order (<see cref="WaitlistEntry.InLine"/>), each
/// offered the nearest center with a place in their region and category that they have not passed on and have not asked
/// for already (open placement requests, which the center answers itself).
/// </summary>
public static class WaitlistMatching
{
    public static IReadOnlyList<WaitlistOffer> NextOffers(
        IEnumerable<Opening> openings, IEnumerable<WaitlistEntry> entries, IReadOnlySet<(Guid TraineeId, Guid CenterId)>? openRequests = null)
    {
        var free = openings.Where(o => o.Places > 0).ToDictionary(o => (o.CenterId, o.Category), o => o);
        var offers = new List<WaitlistOffer>();
        foreach (var entry in WaitlistEntry.InLine(entries.Where(e => e.Status == WaitlistStatus.Waiting)))
        {
            var best = free.Values
                .Where(o => o.Region == entry.Region && o.Category == entry.Category && !entry.PassedCenterIds.Contains(o.CenterId)
                    && openRequests?.Contains((entry.TraineeId, o.CenterId)) != true)
                .OrderBy(o => StateDistances.Miles(entry.HomeState, o.CenterState))
                .ThenByDescending(o => o.Places)
                .ThenBy(o => o.CenterId)
                .FirstOrDefault();
            if (best is null)
            {
                continue;
            }

            offers.Add(new WaitlistOffer(entry, best.CenterId));
            var key = (best.CenterId, best.Category);
            if (best.Places == 1)
            {
                free.Remove(key);
            }
            else
            {
                free[key] = best with { Places = best.Places - 1 };
            }
        }

        return offers;
    }
}
