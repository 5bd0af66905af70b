using Microsoft.AspNetCore.Authorization;

namespace TrainingNetwork.Web.Security;

public static class Policies
{
    public const string Trainee = "Trainee";
    public const string Preceptor = "Preceptor";
    public const string CenterCoordinator = "CenterCoordinator";
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    public static void AddTrainingNetworkPolicies(this AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Trainee, p => p.RequireRole(Roles.Trainee));
        options.AddPolicy(Preceptor, p => p.RequireRole(Roles.Preceptor));
        options.AddPolicy(CenterCoordinator, p => p.RequireRole(Roles.CenterCoordinator));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Staff, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
    }
}
