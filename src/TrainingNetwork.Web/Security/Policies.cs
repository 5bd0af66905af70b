using Microsoft.AspNetCore.Authorization;

namespace TrainingNetwork.Web.Security;

public static class Policies
{
    public const string Trainee = "Trainee";
    public const string Preceptor = "Preceptor";
    public const string CenterCoordinator = "CenterCoordinator";
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    /// <summary>Every policy, the default and the fallback included, also asks for two-factor sign-in where a role needs it.</summary>
    public static void AddTrainingNetworkPolicies(this AuthorizationOptions options)
    {
        options.FallbackPolicy = SignedIn().Build();
        options.DefaultPolicy = SignedIn().Build();
        options.AddPolicy(Trainee, SignedIn().RequireRole(Roles.Trainee).Build());
        options.AddPolicy(Preceptor, SignedIn().RequireRole(Roles.Preceptor).Build());
        options.AddPolicy(CenterCoordinator, SignedIn().RequireRole(Roles.CenterCoordinator).Build());
        options.AddPolicy(Staff, SignedIn().RequireRole(Roles.Staff, Roles.Admin).Build());
        options.AddPolicy(Admin, SignedIn().RequireRole(Roles.Admin).Build());
    }

    private static AuthorizationPolicyBuilder SignedIn() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(MfaRequirement.Instance);
}
