namespace TrainingNetwork.Domain.Centers;

/// <summary>A therapy a center gives, with how many supervised cases it can offer trainees each month.</summary>
public sealed class CenterTherapy
{
    /// <summary>More supervised cases a month than any center gives: a typing error.</summary>
    public const int MaxMonthlyCaseCapacity = 500;

    internal CenterTherapy(Guid id, Guid centerId, string agent, int monthlyCaseCapacity)
    {
        CheckCapacity(monthlyCaseCapacity);
        Id = id;
        CenterId = centerId;
        Agent = agent;
        MonthlyCaseCapacity = monthlyCaseCapacity;
    }

    public Guid Id { get; private set; }
    public Guid CenterId { get; private set; }
    public string Agent { get; private set; }
    public int MonthlyCaseCapacity { get; private set; }

    internal void ChangeCapacity(int monthlyCaseCapacity)
    {
        CheckCapacity(monthlyCaseCapacity);
        MonthlyCaseCapacity = monthlyCaseCapacity;
    }

    private static void CheckCapacity(int monthlyCaseCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyCaseCapacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(monthlyCaseCapacity, MaxMonthlyCaseCapacity);
    }
}
