using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Trainees;

/// <summary>Classroom and laboratory hours in one of the five topics of 35.390(b)(1)(i) / 35.396(b)(1).</summary>
public sealed class ClassroomEntry : ITraineeEvidence
{
    internal ClassroomEntry(
        Guid id, Guid traineeId, ClassroomTopic topic, decimal hours, DateOnly completedOn, string provider, Guid? certificateDocumentId = null)
    {
        if (hours <= 0 || hours > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Clock hours must be above 0 and at most 1000.");
        }

        Id = id;
        TraineeId = traineeId;
        Topic = topic;
        Hours = hours;
        CompletedOn = completedOn;
        Provider = provider;
        CertificateDocumentId = certificateDocumentId;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public ClassroomTopic Topic { get; private set; }
    public decimal Hours { get; private set; }
    public DateOnly CompletedOn { get; private set; }
    public string Provider { get; private set; }

    /// <summary>The uploaded certificate of completion, when there is one.</summary>
    public Guid? CertificateDocumentId { get; private set; }
}
