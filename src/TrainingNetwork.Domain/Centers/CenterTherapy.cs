namespace TrainingNetwork.Domain.Centers;

/// <summary>A therapy a center gives, with how many supervised cases it can offer trainees each month.</summary>
public sealed class CenterTherapy
{
    internal CenterTherapy(Guid id, Guid centerId, string agent, int monthlyCaseCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyCaseCapacity);
        Id = id;
        CenterId = centerId;
        Agent = agent;
        MonthlyCaseCapacity = monthlyCaseCapacity;
    }

    public Guid Id { get; private set; }
    public Guid CenterId { get; private set; }
    public string Agent { get; private set; }
    public int MonthlyCaseCapacity { get; private set; }
}
