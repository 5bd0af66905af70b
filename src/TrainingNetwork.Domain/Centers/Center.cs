using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Centers;

/// <summary>A training center: a licensee site where physicians log supervised cases.</summary>
public sealed class Center
{
    private readonly List<CenterTherapy> _therapies = [];

    public Center(Guid id, string name, string city, string state, Regulator regulator, string licensee, string licenseNumber, int traineeSlots = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(traineeSlots);
        Id = id;
        Name = name;
        City = city;
        State = UsState.Normalize(state);
        Regulator = regulator;
        Licensee = licensee;
        LicenseNumber = licenseNumber;
        TraineeSlots = traineeSlots;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string City { get; private set; }

    /// <summary>Street address; empty until the coordinator records it.</summary>
    public string Address { get; private set; } = "";
    public string State { get; private set; }
    public Regulator Regulator { get; private set; }
    public string Licensee { get; private set; }
    public string LicenseNumber { get; private set; }

    /// <summary>How many physicians the center can train at once.</summary>
    public int TraineeSlots { get; private set; }
    public IReadOnlyList<CenterTherapy> Therapies => _therapies;

    public CenterTherapy OfferTherapy(Guid therapyId, string agent, int monthlyCaseCapacity)
    {
        if (_therapies.Any(t => t.Agent == agent))
        {
            throw new InvalidOperationException($"{Name} already offers {agent}.");
        }

        var therapy = new CenterTherapy(therapyId, Id, agent, monthlyCaseCapacity);
        _therapies.Add(therapy);
        return therapy;
    }
}
