namespace TrainingNetwork.Domain.Audit;

/// <summary>
/// A chain head written down outside the database (a file on other storage, an e-mail to a compliance mailbox). Inside
/// the database, whoever can rewrite the trail can also rewrite its tail consistently; an anchor they cannot reach shows
/// that entry <see cref="Sequence"/> had <see cref="Hash"/> at <see cref="At"/>.
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash, DateTimeOffset At)
{
    /// <summary>Compares an intact chain check with the anchors: every anchored entry must still exist with the anchored hash.</summary>
    public static AnchorCheck Compare(IReadOnlyDictionary<long, string> hashesAtAnchors, long chainLength, IEnumerable<AuditAnchor> anchors)
    {
        AuditAnchor? latest = null;
        foreach (var anchor in anchors.OrderBy(a => a.Sequence))
        {
            if (anchor.Sequence > chainLength)
            {
                return new AnchorCheck(false, latest, anchor,
                    $"the trail has {chainLength} entries but entry {anchor.Sequence} was anchored on {anchor.At:yyyy-MM-dd HH:mm} UTC: entries were removed from its end");
            }

            if (anchor.Sequence > 0 && (!hashesAtAnchors.TryGetValue(anchor.Sequence, out var hash) || hash != anchor.Hash))
            {
                return new AnchorCheck(false, latest, anchor,
                    $"entry {anchor.Sequence} no longer has the hash anchored on {anchor.At:yyyy-MM-dd HH:mm} UTC: the trail was rewritten");
            }

            latest = anchor;
        }

        return new AnchorCheck(true, latest, null, null);
    }
}

/// <summary>The outcome of <see cref="AuditAnchor.Compare"/>: the latest anchor that matched, or the first that did not and why.</summary>
public sealed record AnchorCheck(bool Matches, AuditAnchor? LatestMatched, AuditAnchor? Mismatch, string? Problem);
