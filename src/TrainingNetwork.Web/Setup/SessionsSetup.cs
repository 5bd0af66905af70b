using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// Server-side sessions (<see cref="SessionTicketStore"/>): the cookie holds only a protected session id, slides for
/// 30 minutes, and the session row decides whether it still counts. The security stamp is re-checked every minute, so a
/// password reset or any other stamp change ends the person's other sessions within a minute.
/// </summary>
public static class SessionsSetup
{
    // The claim the cookie handler puts the session id in (CookieAuthenticationHandler.SessionIdClaim, private there).
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public static void AddTrainingNetworkSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SessionTicketStore>();
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore>((options, store) =>
            {
                options.SessionStore = store;
                options.ExpireTimeSpan = SessionLimits.Idle;
                options.SlidingExpiration = true;

                var signingIn = options.Events.OnSigningIn;
                options.Events.OnSigningIn = context =>
                {
                    SessionTicketStore.MarkSigningIn(context.HttpContext);
                    return signingIn(context);
                };
                var signedIn = options.Events.OnSignedIn;
                options.Events.OnSignedIn = async context =>
                {
                    await signedIn(context);
                    ReplaceSessionCookie(context);
                };
            });
    }

    /// <summary>
    /// The handler wrote the cookie with the id of the session the browser held before this sign-in; the store has
    /// replaced that session with a new one (no fixation), so the cookie must carry the new id instead.
    /// </summary>
    private static void ReplaceSessionCookie(CookieSignedInContext context)
    {
        if (SessionTicketStore.ReplacementSessionId(context.HttpContext) is not { } sessionId)
        {
            return;
        }

        var options = context.Options;
        var name = options.Cookie.Name!;
        var headers = context.Response.Headers;
        headers.SetCookie = new StringValues([.. headers.SetCookie.Where(cookie => cookie?.StartsWith(name + "=", StringComparison.Ordinal) != true)]);

        var identity = new ClaimsIdentity([new Claim(SessionIdClaim, sessionId.ToString(), ClaimValueTypes.String, options.ClaimsIssuer)], options.ClaimsIssuer);
        var value = options.TicketDataFormat.Protect(new AuthenticationTicket(new ClaimsPrincipal(identity), null, context.Scheme.Name));
        var cookie = options.Cookie.Build(context.HttpContext);
        cookie.Expires = context.Properties.IsPersistent ? context.Properties.ExpiresUtc : null;
        options.CookieManager.AppendResponseCookie(context.HttpContext, name, value, cookie);
    }
}
