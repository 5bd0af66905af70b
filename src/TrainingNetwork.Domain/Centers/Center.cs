using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Centers;

/// <summary>A training center: a licensee site where physicians log supervised cases.</summary>
public sealed class Center
{
    /// <summary>The most physicians one center may train at once; more is a typing error, not a center.</summary>
    public const int MaxTraineeSlots = 50;

    /// <summary>The most trainees one administration may count for under a center's policy; more is a typing error.</summary>
    public const int MaxTraineesPerAdministrationLimit = 10;

    private readonly List<CenterTherapy> _therapies = [];
    private readonly List<CategoryCapacity> _capacities = [];

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

    /// <summary>Slots and preceptor availability per category; a category without a row takes no trainees.</summary>
    public IReadOnlyList<CategoryCapacity> Capacities => _capacities;

    /// <summary>
    /// The center's policy: how many trainees may claim the same administration (one patient, one date, one agent) as a
    /// supervised case. More claims than this are flagged to the coordinator.
    /// </summary>
    public int MaxTraineesPerAdministration { get; private set; } = 1;

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
    /// in an Agreement State (<paramref name="stateRegulator"/>: who regulates the state today, from the jurisdiction rules),
    /// while a center in an Agreement State may still hold an NRC license (e.g. a federal facility).
    /// </summary>
    public void UpdateProfile(
        string name, string address, string city, string state, Regulator regulator, string licensee, string licenseNumber, int traineeSlots,
        Regulator stateRegulator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(city);
        ArgumentException.ThrowIfNullOrWhiteSpace(licensee);
        ArgumentException.ThrowIfNullOrWhiteSpace(licenseNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(traineeSlots);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(traineeSlots, MaxTraineeSlots);
        var code = UsState.Normalize(state);
        if (regulator == Regulator.AgreementState && stateRegulator != Regulator.AgreementState)
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

    /// <summary>Sets what the center gives trainees in <paramref name="category"/>; returns the new row, or null when one was updated.</summary>
    public CategoryCapacity? SetCategoryCapacity(Guid newId, string category, int traineeSlots, int preceptorCasesPerMonth)
    {
        var code = MatchingCategories.Normalize(category);
        if (_capacities.SingleOrDefault(c => c.Category == code) is { } existing)
        {
            existing.Change(traineeSlots, preceptorCasesPerMonth);
            return null;
        }

        var added = new CategoryCapacity(newId, Id, code, traineeSlots, preceptorCasesPerMonth);
        _capacities.Add(added);
        return added;
    }

    public void SetClaimPolicy(int maxTraineesPerAdministration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTraineesPerAdministration, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxTraineesPerAdministration, MaxTraineesPerAdministrationLimit);
        MaxTraineesPerAdministration = maxTraineesPerAdministration;
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
