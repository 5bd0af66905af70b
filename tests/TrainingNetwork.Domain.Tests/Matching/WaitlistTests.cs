using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Tests.Matching;

public sealed class WaitlistTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(72);
    private static readonly Guid StLouis = Guid.Parse("00000000-0000-0000-0000-00000000005a");
    private static readonly Guid KansasCity = Guid.Parse("00000000-0000-0000-0000-00000000005b");

    private static WaitlistEntry Entry(int minutesAfterStart, string home = "MO", string region = "Midwest", string category = "G3", int id = 0) =>
        new(id == 0 ? Guid.NewGuid() : new Guid(id, 0, 0, new byte[8]), Guid.NewGuid(), home, region, category, Start.AddMinutes(minutesAfterStart));

    [Fact]
    public void NextOffers_onePlace_goesToTheFirstInLine()
    {
        var later = Entry(10);
        var first = Entry(5);

        var offers = WaitlistMatching.NextOffers([new Opening(StLouis, "MO", "G3", 1)], [later, first]);

        Assert.Equal(first, Assert.Single(offers).Entry);
    }

    [Fact]
    public void NextOffers_sameTimeInLine_theIdDecides()
    {
        var b = Entry(0, id: 2);
        var a = Entry(0, id: 1);

        Assert.Equal(a, Assert.Single(WaitlistMatching.NextOffers([new Opening(StLouis, "MO", "G3", 1)], [b, a])).Entry);
    }

    [Fact]
    public void NextOffers_otherRegionOrCategory_isNotOffered()
    {
        var west = Entry(0, home: "CA", region: "West");
        var g1 = Entry(1, category: "G1");

        Assert.Empty(WaitlistMatching.NextOffers([new Opening(StLouis, "MO", "G3", 2)], [west, g1]));
    }

    [Fact]
    public void NextOffers_twoCenters_theNearestToTheHomeStateIsOffered()
    {
        // Kansas City (KS) is nearer to a physician from Nebraska than St. Louis (MO) is.
        var nebraska = Entry(0, home: "NE");

        var offer = Assert.Single(WaitlistMatching.NextOffers(
            [new Opening(StLouis, "MO", "G3", 1), new Opening(KansasCity, "KS", "G3", 1)], [nebraska]));

        Assert.Equal(KansasCity, offer.CenterId);
    }

    [Fact]
    public void NextOffers_morePeopleThanPlaces_onlyTheFirstAreOffered()
    {
        var entries = Enumerable.Range(0, 5).Select(i => Entry(i)).ToList();

        var offers = WaitlistMatching.NextOffers([new Opening(StLouis, "MO", "G3", 2)], entries);

        Assert.Equal(entries.Take(2), offers.Select(o => o.Entry));
    }

    [Fact]
    public void NextOffers_entriesWithAnOpenOffer_areSkipped()
    {
        var offered = Entry(0);
        offered.Offer(KansasCity, Start, Window);
        var next = Entry(1);

        Assert.Equal(next, Assert.Single(WaitlistMatching.NextOffers([new Opening(StLouis, "MO", "G3", 1)], [offered, next])).Entry);
    }

    [Fact]
    public void ExpireOffer_afterTheDeadline_backOfTheLineAndNeverOfferedThatCenterAgain()
    {
        var first = Entry(0);
        var second = Entry(1);
        first.Offer(StLouis, Start, Window);
        var lapseTime = Start + Window + TimeSpan.FromMinutes(1);

        first.ExpireOffer(lapseTime);

        Assert.Equal(WaitlistStatus.Waiting, first.Status);
        Assert.Equal(lapseTime, first.QueuedAt);
        Assert.Equal([StLouis], first.PassedCenterIds);
        Assert.Equal([second, first], WaitlistEntry.InLine([first, second]));
        Assert.Equal(second, Assert.Single(WaitlistMatching.NextOffers([new Opening(StLouis, "MO", "G3", 2)], [first, second])).Entry);
    }

    [Fact]
    public void ExpireOffer_beforeTheDeadline_throws()
    {
        var entry = Entry(0);
        entry.Offer(StLouis, Start, Window);

        Assert.Throws<InvalidOperationException>(() => entry.ExpireOffer(Start + Window));
        Assert.Equal(WaitlistStatus.Offered, entry.Status);
    }

    [Fact]
    public void AcceptOffer_inTime_placesThePhysicianAtTheCenterInTheCategory()
    {
        var entry = Entry(0, category: "G1");
        entry.Offer(StLouis, Start, Window);
        var placementId = Guid.NewGuid();

        var placement = entry.AcceptOffer(placementId, new DateOnly(2026, 11, 9), Start.AddHours(5));

        Assert.Equal((placementId, entry.TraineeId, StLouis, "G1", PlacementStatus.Accepted, new DateOnly(2026, 11, 9)),
            (placement.Id, placement.TraineeId, placement.CenterId, placement.Category, placement.Status, placement.StartsOn!.Value));
        Assert.Equal(WaitlistStatus.Placed, entry.Status);
        Assert.False(entry.IsActive);
    }

    [Fact]
    public void AcceptOffer_afterTheDeadline_throwsAndChangesNothing()
    {
        var entry = Entry(0);
        entry.Offer(StLouis, Start, Window);

        Assert.Throws<InvalidOperationException>(() => entry.AcceptOffer(Guid.NewGuid(), new DateOnly(2026, 11, 9), Start + Window + TimeSpan.FromSeconds(1)));
        Assert.Equal(WaitlistStatus.Offered, entry.Status);
    }

    [Fact]
    public void DeclineOffer_backOfTheLine()
    {
        var entry = Entry(0);
        entry.Offer(StLouis, Start, Window);

        entry.DeclineOffer(Start.AddHours(1));

        Assert.Equal((WaitlistStatus.Waiting, Start.AddHours(1), (Guid?)null), (entry.Status, entry.QueuedAt, entry.OfferedCenterId));
        Assert.Throws<InvalidOperationException>(() => entry.Offer(StLouis, Start.AddHours(2), Window));
    }

    [Fact]
    public void Leave_endsTheEntry_andItCannotLeaveTwice()
    {
        var entry = Entry(0);
        entry.Offer(StLouis, Start, Window);

        entry.Leave(Start.AddHours(1));

        Assert.Equal((WaitlistStatus.Left, (Guid?)null), (entry.Status, entry.OfferedCenterId));
        Assert.Throws<InvalidOperationException>(() => entry.Leave(Start.AddHours(2)));
    }

    [Theory]
    [InlineData("Nowhere", "G3")]
    [InlineData("Midwest", "G4")]
    [InlineData("Midwest", "L3")]
    public void New_unknownRegionOrCategory_throws(string region, string category) =>
        Assert.Throws<ArgumentException>(() => new WaitlistEntry(Guid.NewGuid(), Guid.NewGuid(), "MO", region, category, Start));
}
