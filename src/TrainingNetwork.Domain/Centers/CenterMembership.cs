namespace TrainingNetwork.Domain.Centers;

/// <summary>Which center a preceptor or coordinator works for; every center-scoped permission derives from it.</summary>
public sealed class CenterMembership(Guid id, Guid centerId, string userId, CenterRole role)
{
    public Guid Id { get; private set; } = id;
    public Guid CenterId { get; private set; } = centerId;
    public string UserId { get; private set; } = userId;
    public CenterRole Role { get; private set; } = role;
}

public enum CenterRole
{
    Preceptor,
    CenterCoordinator,
}
