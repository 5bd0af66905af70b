using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrainingNetwork.Web.Api;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Who must sign in with two factors: preceptors, coordinators, network staff and admins (ASVS 6.3.3). Physicians in
/// training are not forced yet (an enrolment grace the lead records as a decision). Whether a user has two-factor
/// sign-in on is a claim set at sign-in, so no request queries the database for it.
/// </summary>
public sealed class MfaEnforcement(IHostEnvironment environment, IConfiguration configuration)
{
    public const string ClaimType = "tn:2fa";
    public const string DemoAccountsSkipMfaSetting = "Security:DemoAccountsSkipMfa";
    public const string EnrolmentPage = "/Identity/Account/Manage/EnableAuthenticator";

    /// <summary>The e-mail domain of the Development demo network (<see cref="Setup.DemoAccounts"/>).</summary>
    private const string DemoDomain = "@trainingnetwork.test";

    public static readonly IReadOnlyList<string> RequiredFor = [Roles.Preceptor, Roles.CenterCoordinator, Roles.Staff, Roles.Admin];

    private readonly bool _demoAccountsSkipMfa = environment.IsDevelopment() && configuration.GetValue<bool>(DemoAccountsSkipMfaSetting);

    public static bool IsRequiredFor(ClaimsPrincipal user) => RequiredFor.Any(user.IsInRole);

    /// <summary>A role of this user needs two-factor sign-in and the user has not turned it on.</summary>
    public static bool LacksRequiredMfa(ClaimsPrincipal user) => IsRequiredFor(user) && !user.HasClaim(ClaimType, "true");

    /// <summary>The Development demo network signs in with passwords alone, when its setting says so.</summary>
    public bool IsDemoExempt(ClaimsPrincipal user) =>
        _demoAccountsSkipMfa && LacksRequiredMfa(user)
        && user.FindFirstValue(ClaimTypes.Email)?.EndsWith(DemoDomain, StringComparison.OrdinalIgnoreCase) == true;

    public bool MustEnrol(ClaimsPrincipal user) => LacksRequiredMfa(user) && !IsDemoExempt(user);
}

/// <summary>Part of every policy: a user who must enrol in two-factor sign-in reaches only the enrolment pages.</summary>
public sealed class MfaRequirement : IAuthorizationRequirement
{
    public static readonly MfaRequirement Instance = new();
}

/// <summary>Endpoint metadata of the pages a user who must enrol can still open (enrolment and re-authentication).</summary>
public sealed class MfaEnrolmentStep
{
    public static readonly MfaEnrolmentStep Instance = new();
}

public sealed class MfaRequirementHandler(MfaEnforcement mfa) : AuthorizationHandler<MfaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MfaRequirement requirement)
    {
        var enrolmentStep = context.Resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<MfaEnrolmentStep>() is not null;
        if (enrolmentStep || !mfa.MustEnrol(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Turns a refusal for missing two-factor sign-in into a way forward: pages (GET or POST, so nothing is written) redirect
/// to enrolment, the API answers 403 problem details. Every other authorization result is handled as usual.
/// </summary>
public sealed class MfaEnrolmentRedirect(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _usual = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure?.FailedRequirements.Contains(MfaRequirement.Instance) != true)
        {
            await _usual.HandleAsync(next, context, policy, authorizeResult);
        }
        else if (context.Request.Path.IsApi())
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Two-factor sign-in required.",
                    Detail = "Your role requires two-factor sign-in. Set up an authenticator app in your account settings first.",
                },
            });
        }
        else
        {
            context.Response.Redirect(MfaEnforcement.EnrolmentPage);
        }
    }
}

/// <summary>Adds the <see cref="MfaEnforcement.ClaimType"/> claim at every sign-in and sign-in refresh.</summary>
public sealed class TwoFactorClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(MfaEnforcement.ClaimType, "true"));
        }

        return identity;
    }
}
