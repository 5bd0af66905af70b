using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Tests.Jurisdictions;

public sealed class JurisdictionRuleTests
{
    private static readonly JurisdictionRule Legacy = Rule(RuleSet.Legacy2005, new DateOnly(2005, 4, 29));
    private static readonly JurisdictionRule Nrc2019 = Rule(RuleSet.Nrc2019, new DateOnly(2019, 1, 14));
    private static readonly JurisdictionRule Agreement = Rule(RuleSet.Nrc2019, new DateOnly(2025, 9, 30), Regulator.AgreementState);

    // Out of date order on purpose: InForce orders the rows itself.
    private static readonly JurisdictionRule[] History = [Agreement, Legacy, Nrc2019];

    [Fact]
    public void Before_the_first_row_the_first_row_applies()
    {
        Assert.Same(Legacy, JurisdictionRule.InForce(History, new DateOnly(1999, 12, 31)));
    }

    [Theory]
    [InlineData(2005, 4, 29, RuleSet.Legacy2005, Regulator.Nrc)]
    [InlineData(2019, 1, 14, RuleSet.Nrc2019, Regulator.Nrc)]
    [InlineData(2025, 9, 30, RuleSet.Nrc2019, Regulator.AgreementState)]
    public void A_row_applies_from_its_own_date(int year, int month, int day, RuleSet ruleSet, Regulator regulator)
    {
        var inForce = JurisdictionRule.InForce(History, new DateOnly(year, month, day));

        Assert.Equal((new DateOnly(year, month, day), ruleSet, regulator), (inForce.EffectiveFrom, inForce.RuleSet, inForce.Regulator));
    }

    [Fact]
    public void Between_two_rows_the_earlier_one_applies_until_the_day_before_the_next()
    {
        Assert.Same(Legacy, JurisdictionRule.InForce(History, new DateOnly(2019, 1, 13)));
        Assert.Same(Nrc2019, JurisdictionRule.InForce(History, new DateOnly(2022, 6, 1)));
        Assert.Same(Agreement, JurisdictionRule.InForce(History, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void A_state_without_rows_cannot_be_judged()
    {
        Assert.Throws<InvalidOperationException>(() => JurisdictionRule.InForce([], new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_row_needs_a_note(string note)
    {
        Assert.ThrowsAny<ArgumentException>(() => new JurisdictionRule(Guid.NewGuid(), "MI", Regulator.Nrc, RuleSet.Nrc2019, new DateOnly(2026, 1, 1), note));
    }

    [Fact]
    public void Under_legacy_a_G3_request_is_L3_and_L4()
    {
        Assert.Equal([UseCategory.L3, UseCategory.L4], TraineeProfile.CategoriesUnder(RuleSet.Legacy2005, ["G3"]));
        Assert.Equal([UseCategory.G1, UseCategory.G2, UseCategory.L3, UseCategory.L4], TraineeProfile.CategoriesUnder(RuleSet.Legacy2005, ["G1", "G2", "G3"]));
    }

    [Fact]
    public void Under_NRC_2019_the_requested_categories_stay_as_they_are()
    {
        Assert.Equal([UseCategory.G1, UseCategory.G3], TraineeProfile.CategoriesUnder(RuleSet.Nrc2019, ["G1", "G3"]));
    }

    private static JurisdictionRule Rule(RuleSet ruleSet, DateOnly from, Regulator regulator = Regulator.Nrc) =>
        new(Guid.NewGuid(), "CT", regulator, ruleSet, from, "Test row.");
}
