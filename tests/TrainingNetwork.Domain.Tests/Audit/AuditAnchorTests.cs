using TrainingNetwork.Domain.Audit;

namespace TrainingNetwork.Domain.Tests.Audit;

/// <summary>Requirement 39: deleting the last entries or rewriting the whole chain is found only by comparing with anchors.</summary>
public sealed class AuditAnchorTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<long, string> Hashes = new() { [3] = Hash('c'), [6] = Hash('f') };

    [Fact]
    public void Anchors_that_still_match_report_the_latest_one()
    {
        var check = AuditAnchor.Compare(Hashes, 8, [new(3, Hash('c'), Day), new(6, Hash('f'), Day.AddDays(1))]);

        Assert.Equal(new AnchorCheck(true, new AuditAnchor(6, Hash('f'), Day.AddDays(1)), null, null), check);
    }

    [Fact]
    public void No_anchors_yet_matches_with_nothing_to_show()
    {
        Assert.Equal(new AnchorCheck(true, null, null, null), AuditAnchor.Compare(Hashes, 8, []));
    }

    [Fact]
    public void A_trail_shorter_than_an_anchor_lost_entries_from_its_end()
    {
        var check = AuditAnchor.Compare(Hashes, 5, [new(3, Hash('c'), Day), new(6, Hash('f'), Day.AddDays(1))]);

        Assert.False(check.Matches);
        Assert.Equal(3, check.LatestMatched!.Sequence);
        Assert.Equal("the trail has 5 entries but entry 6 was anchored on 2026-11-02 02:00 UTC: entries were removed from its end", check.Problem);
    }

    [Fact]
    public void A_rewritten_chain_no_longer_has_the_anchored_hash()
    {
        var check = AuditAnchor.Compare(new Dictionary<long, string> { [3] = Hash('x'), [6] = Hash('f') }, 8,
            [new(6, Hash('f'), Day.AddDays(1)), new(3, Hash('c'), Day)]);

        Assert.False(check.Matches);
        Assert.Null(check.LatestMatched);
        Assert.Equal(new AuditAnchor(3, Hash('c'), Day), check.Mismatch);
        Assert.Equal("entry 3 no longer has the hash anchored on 2026-11-01 02:00 UTC: the trail was rewritten", check.Problem);
    }

    [Fact]
    public void An_anchor_of_the_empty_trail_always_matches()
    {
        Assert.True(AuditAnchor.Compare(new Dictionary<long, string>(), 0, [new(0, AuditEntry.GenesisHash, Day)]).Matches);
    }

    private static string Hash(char c) => new(c, 64);
}
