using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Domain.Trainees;

/// <summary>A state license to practise medicine.</summary>
public sealed class StateMedicalLicense
{
    public StateMedicalLicense(Guid id, Guid traineeId, string state, string number, DateOnly? expiresOn)
    {
        Id = id;
        TraineeId = traineeId;
        State = UsState.Normalize(state);
        Number = number;
        ExpiresOn = expiresOn;
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public string State { get; private set; }
    public string Number { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
}
