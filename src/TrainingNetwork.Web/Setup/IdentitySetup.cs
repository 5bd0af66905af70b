using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using TrainingNetwork.Web.Api;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Setup;

public static class IdentitySetup
{
    /// <summary>Pages anyone may open; every other page requires a signed-in user (the fallback policy).</summary>
    public static readonly IReadOnlyList<string> AnonymousPages = ["/Index", "/Error", "/StatusCode", "/Readiness/Index", "/Verify", "/Dev/Mailbox", "/Dev/Message"];

    /// <summary>The Identity pages a user who must turn on two-factor sign-in can still open (with /Account/Reauthenticate).</summary>
    public static readonly IReadOnlyList<string> MfaEnrolmentPages =
        ["/Account/Manage/EnableAuthenticator", "/Account/Manage/ShowRecoveryCodes", "/Account/Manage/TwoFactorAuthentication"];

    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.IsApi())
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static void AddTrainingNetworkIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddDefaultIdentity<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                // Length and every other password rule are PasswordRules' (counted in code points, with reasons).
                options.Password.RequiredLength = 1;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<TwoFactorClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<ProtectedUserStore>()
            .AddPasswordValidator<PasswordRules>()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // OWASP's figure for PBKDF2-HMAC-SHA512; hashes made with fewer iterations are upgraded at the next sign-in.
        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        builder.Services.AddSingleton<MfaEnforcement>();
        builder.Services.AddSingleton<IAuthorizationHandler, MfaRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, MfaEnrolmentRedirect>();
        builder.Services.AddSingleton<AccountNotices>();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            var httpsOnly = builder.HttpsOnly();
            options.Cookie.Name = SecurityHeadersSetup.CookieName("TrainingNetwork.Session", httpsOnly);
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

            // API callers get status codes, not a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
            options.Events.OnSigningIn = context =>
            {
                RecentSignIn.Record(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorization(options => options.AddTrainingNetworkPolicies());
        builder.Services.AddRazorPages(options =>
        {
            foreach (var page in AnonymousPages)
            {
                options.Conventions.AllowAnonymousToPage(page);
            }

            options.Conventions.AuthorizeFolder("/Progress", Policies.Trainee);
            options.Conventions.AuthorizeFolder("/Profile", Policies.Trainee);
            options.Conventions.AuthorizeFolder("/Training", Policies.Trainee);
            options.Conventions.AuthorizeFolder("/Cases", Policies.Trainee);
            options.Conventions.AuthorizeFolder("/Placements", Policies.Trainee);
            options.Conventions.AuthorizeFolder("/Reviews", Policies.Preceptor);
            options.Conventions.AuthorizeFolder("/Preceptor", Policies.Preceptor);
            options.Conventions.AuthorizeFolder("/Coordination", Policies.CenterCoordinator);
            options.Conventions.AuthorizeFolder("/Network", Policies.Staff);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            foreach (var page in MfaEnrolmentPages)
            {
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.EndpointMetadata.Add(MfaEnrolmentStep.Instance));
            }

            options.Conventions.AddPageApplicationModelConvention(RecentSignIn.ReauthenticatePage, model => model.EndpointMetadata.Add(MfaEnrolmentStep.Instance));
            foreach (var page in PendingSignInRequired.Pages)
            {
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.Filters.Add(new PendingSignInRequired()));
            }

            options.Conventions.AddAreaPageApplicationModelConvention("Identity", AccountDeletionOff.Page, model => model.Filters.Add(new AccountDeletionOff()));
            foreach (var page in RateLimitingSetup.AccountPages)
            {
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page,
                    model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimitingSetup.AccountForms)));
            }
        });
    }
}
