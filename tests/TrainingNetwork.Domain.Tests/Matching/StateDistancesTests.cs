using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Matching;

namespace TrainingNetwork.Domain.Tests.Matching;

public sealed class StateDistancesTests
{
    private static readonly IReadOnlyList<(string From, string To)> EveryPair =
        [.. from origin in UsState.All from destination in UsState.All select (origin, destination)];

    [Fact]
    public void Miles_everyPairOfStates_inTheTable() =>
        Assert.All(EveryPair, pair => Assert.InRange(StateDistances.Miles(pair.From, pair.To), 0, 12_500));

    [Fact]
    public void Miles_sameState_zero() => Assert.All(UsState.All, state => Assert.Equal(0, StateDistances.Miles(state, state)));

    [Fact]
    public void Miles_differentStates_positive() =>
        Assert.All(EveryPair.Where(pair => pair.From != pair.To), pair => Assert.True(StateDistances.Miles(pair.From, pair.To) > 0, $"{pair}"));

    [Fact]
    public void Miles_symmetric() =>
        Assert.All(EveryPair, pair => Assert.Equal(StateDistances.Miles(pair.From, pair.To), StateDistances.Miles(pair.To, pair.From)));

    // Worked from state-centroids.csv by hand:
    // NY (41.50, -74.62) to CA (35.46, -119.33): haversine h = sin²(3.02°) + cos 41.50° · cos 35.46° · sin²(22.355°)
    //   = 0.00278 + 0.7490 · 0.8145 · 0.14474 = 0.0911; 2 · asin(√h) = 0.6130 rad · 3958.8 mi ≈ 2,427 mi.
    // MA (42.27, -71.36) to RI (41.75, -71.45): short enough to treat as flat: 0.52° of latitude · 69.1 mi = 35.9 mi north,
    //   0.09° of longitude · 69.1 mi · cos 42° = 4.6 mi east; √(35.9² + 4.6²) ≈ 36 mi.
    // PR (18.47, -66.11) to VI (18.34, -64.93): 0.13° · 69.1 = 9.0 mi, 1.18° · 69.1 · cos 18.4° = 77.4 mi; ≈ 78 mi.
    [Theory]
    [InlineData("NY", "CA", 2427)]
    [InlineData("MA", "RI", 36)]
    [InlineData("PR", "VI", 78)]
    public void Miles_handCheckedPairs(string from, string to, int expected) =>
        Assert.InRange(StateDistances.Miles(from, to), expected - 3, expected + 3);

    [Fact]
    public void Miles_ranksNeighboursBeforeTheFarCoast()
    {
        Assert.True(StateDistances.Miles("NY", "NJ") < StateDistances.Miles("NY", "OH"));
        Assert.True(StateDistances.Miles("NY", "OH") < StateDistances.Miles("NY", "CA"));
    }

    [Fact]
    public void Miles_codesInAnyCase() => Assert.Equal(StateDistances.Miles("NY", "CA"), StateDistances.Miles("ny", "Ca"));

    // Great-circle distances obey the triangle inequality; each of the three figures is rounded by at most half a mile.
    [Fact]
    public void Miles_triangleInequality_allTriples()
    {
        var violations =
            from a in UsState.All
            from b in UsState.All
            from c in UsState.All
            where StateDistances.Miles(a, c) > StateDistances.Miles(a, b) + StateDistances.Miles(b, c) + 2
            select $"{a}-{c} via {b}";

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("XX", "NY")]
    [InlineData("NY", "XX")]
    [InlineData("", "CA")]
    [InlineData("New York", "CA")]
    public void Miles_notAStateCode_throws(string from, string to) =>
        Assert.Throws<ArgumentException>(() => StateDistances.Miles(from, to));
}
