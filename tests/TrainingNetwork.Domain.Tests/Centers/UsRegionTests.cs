using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Domain.Tests.Centers;

public sealed class UsRegionTests
{
    private static readonly IReadOnlyList<string> EveryStateCode =
        [.. from first in Letters() from second in Letters() let code = $"{first}{second}" where UsState.IsValid(code) select code];

    [Theory]
    [InlineData("MO", UsRegion.Midwest)]
    [InlineData("IL", UsRegion.Midwest)]
    [InlineData("NY", UsRegion.Northeast)]
    [InlineData("PA", UsRegion.Northeast)]
    [InlineData("TX", UsRegion.South)]
    [InlineData("KY", UsRegion.South)]
    [InlineData("DC", UsRegion.South)]
    [InlineData("WA", UsRegion.West)]
    [InlineData("HI", UsRegion.West)]
    [InlineData("AK", UsRegion.West)]
    [InlineData("PR", UsRegion.Territories)]
    [InlineData("GU", UsRegion.Territories)]
    [InlineData("VI", UsRegion.Territories)]
    [InlineData("mt", UsRegion.West)]
    public void Of_stateCode_itsCensusRegion(string state, string region) => Assert.Equal(region, UsRegion.Of(state));

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("Missouri")]
    public void Of_notAStateCode_throws(string state) => Assert.Throws<ArgumentException>(() => UsRegion.Of(state));

    [Fact]
    public void All_fourCensusRegionsThenTerritories() =>
        Assert.Equal([UsRegion.Northeast, UsRegion.Midwest, UsRegion.South, UsRegion.West, UsRegion.Territories], UsRegion.All);

    [Fact]
    public void StatesIn_everyStateCode_inExactlyOneRegion()
    {
        var listed = UsRegion.All.SelectMany(UsRegion.StatesIn).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(EveryStateCode.Order(), listed.Order());
    }

    [Fact]
    public void StatesIn_agreesWithOf() =>
        Assert.All(EveryStateCode, code => Assert.Contains(code, UsRegion.StatesIn(UsRegion.Of(code))));

    [Fact]
    public void StatesIn_censusRegionSizes_matchTheCensusBureau()
    {
        Assert.Equal(9, UsRegion.StatesIn(UsRegion.Northeast).Count);
        Assert.Equal(12, UsRegion.StatesIn(UsRegion.Midwest).Count);
        Assert.Equal(17, UsRegion.StatesIn(UsRegion.South).Count);
        Assert.Equal(13, UsRegion.StatesIn(UsRegion.West).Count);
    }

    [Theory]
    [InlineData("Pacific")]
    [InlineData("west")]
    [InlineData("")]
    [InlineData(null)]
    public void StatesIn_unknownRegion_empty(string? region) => Assert.Empty(UsRegion.StatesIn(region));

    private static IEnumerable<char> Letters() => Enumerable.Range('A', 26).Select(c => (char)c);
}
