namespace TrainingNetwork.Domain.Trainees;

/// <summary>A record that belongs to one physician's evidence: changing it changes what the readiness engine says about them.</summary>
public interface ITraineeEvidence
{
    Guid TraineeId { get; }
}
