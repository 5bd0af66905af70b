using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Centers;

/// <summary>A training center: a licensee site where physicians log supervised cases.</summary>
public sealed class Center
{
    /// <summary>The most physicians one center may train at once; more is a typing error, not a center.</summary>
    public const int MaxTraineeSlots = 50;

    private readonly List<CenterTherapy> _therapies = [];

    public Center(Guid id, string name, string city, string state, Regulator regulator, string licensee, string licenseNumber, int traineeSlots = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(traineeSlots);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(traineeSlots, MaxTraineeSlots);
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

    /// <summary>
    /// Replaces the profile the coordinator keeps. Every text is required; an Agreement State regulator is possible only
    /// in an Agreement State, while a center in an Agreement State may still hold an NRC license (e.g. a federal facility).
    /// </summary>
    public void UpdateProfile(string name, string address, string city, string state, Regulator regulator, string licensee, string licenseNumber, int traineeSlots)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(city);
        ArgumentException.ThrowIfNullOrWhiteSpace(licensee);
        ArgumentException.ThrowIfNullOrWhiteSpace(licenseNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(traineeSlots);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(traineeSlots, MaxTraineeSlots);
        var code = UsState.Normalize(state);
        if (regulator == Regulator.AgreementState && UsState.RegulatorOf(code) != Regulator.AgreementState)
        {
            throw new ArgumentException($"{code} is not an Agreement State; the NRC licenses its centers.", nameof(regulator));
        }

        Name = name;
        Address = address;
        City = city;
        State = code;
        Regulator = regulator;
        Licensee = licensee;
        LicenseNumber = licenseNumber;
        TraineeSlots = traineeSlots;
    }

    public void ChangeCapacity(string agent, int monthlyCaseCapacity) => Offered(agent).ChangeCapacity(monthlyCaseCapacity);

    /// <summary>Stops offering <paramref name="agent"/>; returns the removed therapy so the caller can delete its row.</summary>
    public CenterTherapy StopOffering(string agent)
    {
        var therapy = Offered(agent);
        _therapies.Remove(therapy);
        return therapy;
    }

    private CenterTherapy Offered(string agent) =>
        _therapies.SingleOrDefault(t => t.Agent == agent) ?? throw new InvalidOperationException($"{Name} does not offer {agent}.");
}
