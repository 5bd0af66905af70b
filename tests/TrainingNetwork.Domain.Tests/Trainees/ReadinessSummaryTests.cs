using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Tests.Readiness;
using TrainingNetwork.Domain.Trainees;

namespace TrainingNetwork.Domain.Tests.Trainees;

public sealed class ReadinessSummaryTests
{
    private static readonly StageFacts Nothing = new(Placed: false, CasesLogged: 0, AttestationInForce: false, PacketAccepted: false);

    [Fact]
    public void A_qualified_record_is_ready_since_its_evaluation_date()
    {
        var summary = new ReadinessSummary(Guid.NewGuid());

        Refresh(summary, RecordBuilder.Section396().Build(), Nothing with { CasesLogged = 3, AttestationInForce = true });

        Assert.True(summary.Ready);
        Assert.Equal(RecordBuilder.Today, summary.ReadySince);
        Assert.Equal(RecordBuilder.Today, summary.EvaluatedOn);
        Assert.Equal(ReadinessEngine.Version, summary.EngineVersion);
        Assert.Equal(["G3:QUALIFIED"], summary.CategoryStatuses);
        Assert.Equal(3, summary.CountedCases);
        Assert.Equal(0, summary.UnmetFindings);
        Assert.Equal(TraineeStage.Attested, summary.Stage);
    }

    [Fact]
    public void Ready_since_keeps_the_first_day_while_the_physician_stays_ready()
    {
        var summary = new ReadinessSummary(Guid.NewGuid());
        Refresh(summary, RecordBuilder.Section396().Build(), Nothing);

        Refresh(summary, RecordBuilder.Section396().With(r => r with { EvaluationDate = RecordBuilder.Today.AddDays(10) }).Build(), Nothing);

        Assert.Equal(RecordBuilder.Today, summary.ReadySince);
        Assert.Equal(RecordBuilder.Today.AddDays(10), summary.EvaluatedOn);
    }

    [Fact]
    public void Losing_readiness_clears_ready_since()
    {
        var summary = new ReadinessSummary(Guid.NewGuid());
        Refresh(summary, RecordBuilder.Section396().Build(), Nothing);

        Refresh(summary, RecordBuilder.Section396().WithAttestations().Build(), Nothing);

        Assert.False(summary.Ready);
        Assert.Null(summary.ReadySince);
        Assert.Equal(["G3:NOT_QUALIFIED"], summary.CategoryStatuses);
    }

    [Theory]
    [InlineData(false, 0, TraineeStage.Registered)]
    [InlineData(true, 0, TraineeStage.Placed)]
    [InlineData(true, 2, TraineeStage.InTraining)]
    [InlineData(false, 2, TraineeStage.InTraining)]
    public void Without_three_countable_cases_the_stage_follows_placement_and_logged_cases(bool placed, int logged, TraineeStage expected)
    {
        var twoCases = RecordBuilder.Section396().With(r => r with { Cases = [.. r.Cases.Take(2)] }).WithAttestations().Build();
        var summary = new ReadinessSummary(Guid.NewGuid());

        Refresh(summary, twoCases, Nothing with { Placed = placed, CasesLogged = logged });

        Assert.Equal(expected, summary.Stage);
    }

    [Fact]
    public void Three_countable_cases_without_an_attestation_complete_the_cases_stage()
    {
        var summary = new ReadinessSummary(Guid.NewGuid());

        Refresh(summary, RecordBuilder.Section396().WithAttestations().Build(), Nothing with { Placed = true, CasesLogged = 3 });

        Assert.Equal(TraineeStage.CasesComplete, summary.Stage);
    }

    [Fact]
    public void An_accepted_packet_is_the_last_stage()
    {
        var summary = new ReadinessSummary(Guid.NewGuid());

        Refresh(summary, RecordBuilder.Section396().Build(), new StageFacts(true, 3, true, PacketAccepted: true));

        Assert.Equal(TraineeStage.Reviewed, summary.Stage);
    }

    private static void Refresh(ReadinessSummary summary, TraineeRecord record, StageFacts facts) =>
        summary.Refresh(ReadinessEngine.Evaluate(record), ReadinessEngine.RuleBookFor(record), facts);
}
