using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Trainees;

/// <summary>One supervised work-experience element of 35.396(b)(2)(i)–(v) / 35.390(b)(1)(ii)(A)–(E).</summary>
public sealed class WorkExperience : ITraineeEvidence
{
    public WorkExperience(Guid id, Guid traineeId, WorkElement element, DateOnly completedOn, decimal? hours, string supervisorUserId, string license)
    {
        if (hours is <= 0 or > 2000)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Hours must be above 0 and at most 2000.");
        }

        Id = id;
        TraineeId = traineeId;
        Element = element;
        CompletedOn = completedOn;
        Hours = hours;
        SupervisorUserId = supervisorUserId;
        License = license;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public WorkElement Element { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    public decimal? Hours { get; private set; }

    /// <summary>The network preceptor who supervised it; the engine checks they were a qualifying AU then.</summary>
    public string SupervisorUserId { get; private set; }

    public string License { get; private set; }
}
