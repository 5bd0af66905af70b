using TrainingNetwork.Domain.Matching;

namespace TrainingNetwork.Domain.Tests.Matching;

public sealed class FinishEstimatorTests
{
    private static CenterSupply Center(
        string name, string state = "IL", int administrations = 6, int preceptorCases = 8, int openPlaces = 1, int sharing = 0) =>
        new(Guid.NewGuid(), name, "City", state, administrations, preceptorCases, openPlaces, sharing);

    [Fact]
    public void Estimate_sharesTheTrainingCasesAmongThePlacedPhysiciansAndTheAskingOne()
    {
        // 6 administrations, 8 a preceptor can supervise: 6 training cases a month, shared by 2 placed + 1 asking = 2 a month.
        // 3 cases / 2 a month = 1.5 months × 52/12 = 6.5 weeks, rounded up to 7.
        var estimate = FinishEstimator.Estimate("IL", 3, Center("Shared", administrations: 6, preceptorCases: 8, sharing: 2));

        Assert.Equal(2m, estimate.CasesPerMonth);
        Assert.Equal(7, estimate.Weeks);
    }

    [Fact]
    public void Estimate_preceptorAvailabilityLimitsTheSupply()
    {
        // 20 administrations but preceptors supervise only 4 a month: 4 a month for a lone physician.
        // 3 cases / 4 a month = 0.75 months × 52/12 = 3.25 weeks, rounded up to 4.
        var estimate = FinishEstimator.Estimate("IL", 3, Center("Busy, few preceptors", administrations: 20, preceptorCases: 4));

        Assert.Equal(4, estimate.Center.TrainingCasesPerMonth);
        Assert.Equal(4m, estimate.CasesPerMonth);
        Assert.Equal(4, estimate.Weeks);
    }

    [Fact]
    public void Estimate_administrationsLimitTheSupplyWhenPreceptorsCouldDoMore()
    {
        // min(3 administrations, 8 supervisable) = 3 a month; 3 cases = 1 month = 52/12 = 4.33 weeks, rounded up to 5.
        var estimate = FinishEstimator.Estimate("IL", 3, Center("Small", administrations: 3, preceptorCases: 8));

        Assert.Equal(3m, estimate.CasesPerMonth);
        Assert.Equal(5, estimate.Weeks);
    }

    [Fact]
    public void Estimate_noTrainingCases_noWeeks()
    {
        var estimate = FinishEstimator.Estimate("IL", 3, Center("No preceptor time", administrations: 10, preceptorCases: 0));

        Assert.Equal(0m, estimate.CasesPerMonth);
        Assert.Null(estimate.Weeks);
        Assert.StartsWith("No training cases a month now (10 administrations, 0 a preceptor can supervise).", estimate.Explanation);
        Assert.Contains("No estimate.", estimate.Explanation);
    }

    [Fact]
    public void Estimate_nothingNeeded_zeroWeeks()
    {
        var estimate = FinishEstimator.Estimate("IL", 0, Center("Any"));

        Assert.Equal(0, estimate.Weeks);
        Assert.Contains("You need no more cases in this category.", estimate.Explanation);
    }

    [Fact]
    public void Estimate_distanceFromTheHomeStateTable()
    {
        // state-distances.csv: IL to MO 283 miles; the same state 0.
        Assert.Equal(283, FinishEstimator.Estimate("IL", 3, Center("St. Louis", state: "MO")).DistanceMiles);
        Assert.Equal(0, FinishEstimator.Estimate("IL", 3, Center("Chicago", state: "IL")).DistanceMiles);
    }

    [Fact]
    public void Explanation_namesEveryInput()
    {
        var estimate = FinishEstimator.Estimate("IL", 3, Center("Shared", administrations: 6, preceptorCases: 8, openPlaces: 1, sharing: 2));

        Assert.Equal(
            "6 training cases a month (the lesser of 6 administrations and 8 a preceptor can supervise), shared equally by 3 physicians (2 placed there and this one): "
            + "2 a month each. 3 cases to go ≈ 7 weeks. 1 open place.",
            estimate.Explanation);
    }

    [Fact]
    public void Explanation_alonePhysicianWithoutRoom()
    {
        // 8 administrations, 8 supervisable, nobody else placed: 8 a month; 1 case = 1/8 month × 52/12 = 0.54 weeks → 1 week.
        var estimate = FinishEstimator.Estimate("IL", 1, Center("Full", administrations: 8, preceptorCases: 8, openPlaces: 0));

        Assert.Equal(
            "8 training cases a month (the lesser of 8 administrations and 8 a preceptor can supervise), shared with no one placed there: "
            + "8 a month. 1 case to go ≈ 1 week. No open place now.",
            estimate.Explanation);
    }

    [Fact]
    public void Rank_centersWithRoomBeforeFasterCentersWithout()
    {
        // Full: 8 a month → 3 cases in 1.63 weeks → 2; Open: 1 a month → 3 months × 52/12 = 13 weeks.
        var ranked = FinishEstimator.Rank("IL", 3, [
            Center("Full", administrations: 8, openPlaces: 0),
            Center("Open", administrations: 1, openPlaces: 2),
        ]);

        Assert.Equal(["Open", "Full"], ranked.Select(e => e.Center.Name));
        Assert.Equal([13, 2], ranked.Select(e => e.Weeks));
    }

    [Fact]
    public void Rank_fewerWeeksFirst_thenCentersWithoutSupplyLast()
    {
        // Fast: 6 a month → 3 cases = 0.5 month = 2.17 → 3 weeks; Slow: 2 a month → 6.5 → 7 weeks; None: no estimate.
        var ranked = FinishEstimator.Rank("IL", 3, [
            Center("None", preceptorCases: 0),
            Center("Slow", administrations: 2),
            Center("Fast", administrations: 6),
        ]);

        Assert.Equal(["Fast", "Slow", "None"], ranked.Select(e => e.Center.Name));
        Assert.Equal([3, 7, null], ranked.Select(e => e.Weeks));
    }

    [Fact]
    public void Rank_equalWeeks_nearerFirst()
    {
        // From IL: Kentucky 292 miles, Missouri 283, Texas 874 (state-distances.csv); the same supply everywhere.
        var ranked = FinishEstimator.Rank("IL", 3, [Center("Houston", state: "TX"), Center("Lexington", state: "KY"), Center("St. Louis", state: "MO")]);

        Assert.Equal(["St. Louis", "Lexington", "Houston"], ranked.Select(e => e.Center.Name));
        Assert.Equal([283, 292, 874], ranked.Select(e => e.DistanceMiles));
    }
}
