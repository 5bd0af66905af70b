namespace TrainingNetwork.Domain.Centers;

/// <summary>
/// What a center can give trainees in one 35.300 category: how many physicians it takes at once and how many
/// administrations a month its preceptors can supervise with a trainee present. The administrations themselves come from
/// the center's therapies (<see cref="CenterTherapy.MonthlyCaseCapacity"/>), classified by the engine.
/// </summary>
public sealed class CategoryCapacity
{
    /// <summary>More supervised administrations a month than any center gives: a typing error.</summary>
    public const int MaxPreceptorCasesPerMonth = CenterTherapy.MaxMonthlyCaseCapacity;

    internal CategoryCapacity(Guid id, Guid centerId, string category, int traineeSlots, int preceptorCasesPerMonth)
    {
        Id = id;
        CenterId = centerId;
        Category = MatchingCategories.Normalize(category);
        Change(traineeSlots, preceptorCasesPerMonth);
    }

    public Guid Id { get; private set; }
    public Guid CenterId { get; private set; }

    /// <summary>G1, G2 or G3.</summary>
    public string Category { get; private set; }

    /// <summary>Physicians the center trains in this category at the same time.</summary>
    public int TraineeSlots { get; private set; }

    /// <summary>Administrations a month the center's preceptors are available to supervise with a trainee.</summary>
    public int PreceptorCasesPerMonth { get; private set; }

    internal void Change(int traineeSlots, int preceptorCasesPerMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(traineeSlots);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(traineeSlots, Center.MaxTraineeSlots);
        ArgumentOutOfRangeException.ThrowIfNegative(preceptorCasesPerMonth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(preceptorCasesPerMonth, MaxPreceptorCasesPerMonth);
        TraineeSlots = traineeSlots;
        PreceptorCasesPerMonth = preceptorCasesPerMonth;
    }
}

/// <summary>
/// The categories centers train in and physicians are matched for: NRC-2019's G1–G3. A legacy (LEGACY-2005) need in L3 or
/// L4 is a need for (G)(3) administrations, since the 2019 (G)(3) is the union of the old (G)(3) and (G)(4).
/// </summary>
public static class MatchingCategories
{
    public static IReadOnlyList<string> All { get; } = ["G1", "G2", "G3"];

    public static bool IsValid(string? code) => code is not null && All.Contains(code);

    public static string Normalize(string code) =>
        IsValid(code) ? code : throw new ArgumentException($"'{code}' is not a category centers train in (G1, G2, G3).", nameof(code));

    /// <summary>The matching category of a record category code (G1, G2, G3, L3, L4).</summary>
    public static string Of(string recordCategory) => recordCategory is "L3" or "L4" ? "G3" : Normalize(recordCategory);
}
