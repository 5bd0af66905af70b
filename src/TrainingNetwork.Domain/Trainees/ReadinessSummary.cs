using TrainingNetwork.Domain.Matching;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Trainees;

/// <summary>
/// The readiness engine's latest answer for one physician, kept as a row so that dashboards and reports aggregate it
/// in the database. It is written only from an engine result (<see cref="Refresh"/>), whenever the physician's evidence
/// changes and once a day for the passing of time; it never decides anything itself.
/// </summary>
public sealed class ReadinessSummary(Guid traineeId)
{
    public Guid TraineeId { get; private set; } = traineeId;
    public DateOnly EvaluatedOn { get; private set; }
    public string EngineVersion { get; private set; } = "";
    public TraineeStage Stage { get; private set; }

    /// <summary>Every requested category QUALIFIED or ALREADY_AUTHORIZED.</summary>
    public bool Ready { get; private set; }

    /// <summary>The first evaluation date of the current unbroken run of <see cref="Ready"/>.</summary>
    public DateOnly? ReadySince { get; private set; }

    public bool NeedsReview { get; private set; }
    public int CountedCases { get; private set; }
    public int UnmetFindings { get; private set; }

    /// <summary>Category codes with their status, e.g. "G3:QUALIFIED".</summary>
    public List<string> CategoryStatuses { get; private set; } = [];

    /// <summary>Supervised cases still needed per matching category, e.g. "G3:2" (<see cref="RemainingCases"/>).</summary>
    public List<string> CasesStillNeeded { get; private set; } = [];

    /// <summary>The rule set the engine applied.</summary>
    public RuleSet RuleSet { get; private set; }

    /// <summary>
    /// Bumped by every refresh: a refresh computed from evidence read before another refresh was saved must not
    /// overwrite it (the store checks it as a concurrency token).
    /// </summary>
    public long Version { get; private set; }

    public void Refresh(ReadinessResult result, RuleBook book, StageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(result);
        Version++;
        CasesStillNeeded = RemainingCases.Encode(RemainingCases.Of(result, book));
        RuleSet = result.RuleSet;
        Ready = result.Categories.Count > 0
            && result.Categories.All(c => c.Status is ReadinessStatus.Qualified or ReadinessStatus.AlreadyAuthorized);
        ReadySince = Ready ? ReadySince ?? result.EvaluationDate : null;
        NeedsReview = result.Categories.Any(c => c.Status == ReadinessStatus.NeedsReview);
        CountedCases = result.Cases.Count(c => c.Counts);
        UnmetFindings = result.Categories.Sum(c => c.Unmet.Count);
        CategoryStatuses = [.. result.Categories.Select(c => $"{RecordCodes.Categories.ToCode(c.Category)}:{ReadinessResultJson.Statuses.ToCode(c.Status)}")];
        EvaluatedOn = result.EvaluationDate;
        EngineVersion = result.EngineVersion;
        Stage = StageOf(result, facts);
    }

    /// <summary>The furthest stage reached; the network's vocabulary, not a readiness rule.</summary>
    private static TraineeStage StageOf(ReadinessResult result, StageFacts facts)
    {
        if (facts.PacketAccepted)
        {
            return TraineeStage.Reviewed;
        }

        if (facts.AttestationInForce)
        {
            return TraineeStage.Attested;
        }

        if (result.Categories.Count > 0 && result.Categories.All(c => c.Unmet.All(f => f.Code != ReasonCode.CasesMin)))
        {
            return TraineeStage.CasesComplete;
        }

        if (facts.CasesLogged > 0)
        {
            return TraineeStage.InTraining;
        }

        return facts.Placed ? TraineeStage.Placed : TraineeStage.Registered;
    }
}

/// <summary>Where a physician stands on the way to an AU listing, in the order the stages are reached.</summary>
public enum TraineeStage
{
    Registered,
    Placed,
    InTraining,
    CasesComplete,
    Attested,
    Reviewed,
}

/// <summary>Stored facts besides the engine's result that place a physician on the stages.</summary>
public sealed record StageFacts(bool Placed, int CasesLogged, bool AttestationInForce, bool PacketAccepted);
