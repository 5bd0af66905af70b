namespace TrainingNetwork.Domain.Centers;

/// <summary>Which center a preceptor or coordinator works for; every center-scoped permission derives from it.</summary>
public sealed class CenterMembership(Guid id, Guid centerId, string userId, CenterRole role)
{
    public Guid Id { get; private set; } = id;
    public Guid CenterId { get; private set; } = centerId;
    public string UserId { get; private set; } = userId;
    public CenterRole Role { get; private set; } = role;

    /// <summary>
    /// A preceptor who directs the center's residency program may attest on the faculty-consensus model of
    /// 35.390(b)(2)(ii) / 35.396(b)(3)(ii), naming a concurring faculty Authorized User.
    /// </summary>
    public bool ResidencyProgramDirector { get; private set; }

    public void SetResidencyProgramDirector(bool directs)
    {
        if (Role != CenterRole.Preceptor)
        {
            throw new InvalidOperationException("Only a preceptor on the roster can be the residency program director.");
        }

        ResidencyProgramDirector = directs;
    }
}

public enum CenterRole
{
    Preceptor,
    CenterCoordinator,
}
