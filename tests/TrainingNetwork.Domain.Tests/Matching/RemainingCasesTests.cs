using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Tests.Readiness;

namespace TrainingNetwork.Domain.Tests.Matching;

public sealed class RemainingCasesTests
{
    private static IReadOnlyDictionary<string, int> Of(TraineeRecord record) =>
        RemainingCases.Of(ReadinessEngine.Evaluate(record), ReadinessEngine.RuleBookFor(record));

    [Fact]
    public void Of_qualified_needsNothing() => Assert.Empty(Of(RecordBuilder.Section396().Build()));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void Of_fewerThanThreeCountingCases_needsTheRest(int cases, int needed)
    {
        var record = RecordBuilder.Section396().Build();
        record = record with { Cases = [.. record.Cases.Take(cases)] };

        Assert.Equal(new Dictionary<string, int> { ["G3"] = needed }, Of(record));
    }

    [Fact]
    public void Of_casesDoneButNoAttestation_needsNoCases()
    {
        var record = RecordBuilder.Section396().Build() with { Attestations = [] };

        Assert.Empty(Of(record));
    }

    [Fact]
    public void Of_legacyRuleSet_lutetiumCountsForL3_andL4IsStillNeededAsG3Administrations()
    {
        var record = RecordBuilder.Section396().Build() with { RuleSet = RuleSet.Legacy2005, RequestedCategories = [UseCategory.L3, UseCategory.L4] };

        Assert.Equal(new Dictionary<string, int> { ["G3"] = 3 }, Of(record));
    }

    [Fact]
    public void EncodeAndIn_roundTrip()
    {
        var encoded = RemainingCases.Encode(new Dictionary<string, int> { ["G3"] = 2, ["G1"] = 3 });

        Assert.Equal(["G1:3", "G3:2"], encoded);
        Assert.Equal((3, 2, 0), (RemainingCases.In(encoded, "G1"), RemainingCases.In(encoded, "G3"), RemainingCases.In(encoded, "G2")));
    }
}
