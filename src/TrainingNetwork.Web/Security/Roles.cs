namespace TrainingNetwork.Web.Security;

/// <summary>Network-wide Identity roles. Preceptors and coordinators are further scoped to centers by CenterMembership.</summary>
public static class Roles
{
    public const string Trainee = "Trainee";
    public const string Preceptor = "Preceptor";
    public const string CenterCoordinator = "CenterCoordinator";
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Trainee, Preceptor, CenterCoordinator, Staff, Admin];
}
