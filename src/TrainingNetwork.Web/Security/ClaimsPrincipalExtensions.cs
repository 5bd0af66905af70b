using System.Security.Claims;

namespace TrainingNetwork.Web.Security;

public static class ClaimsPrincipalExtensions
{
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");

    /// <summary>The page a signed-in person starts from; a person with several roles starts at the broadest one.</summary>
    public static string HomePage(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? "/Admin/Index"
        : user.IsInRole(Roles.Staff) ? "/Network/Index"
        : user.IsInRole(Roles.CenterCoordinator) ? "/Coordination/Index"
        : user.IsInRole(Roles.Preceptor) ? "/Reviews/Index"
        : user.IsInRole(Roles.Trainee) ? "/Progress/Index"
        : "/Account/NoRole";
}
