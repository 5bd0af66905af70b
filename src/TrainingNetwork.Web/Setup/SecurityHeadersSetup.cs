using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// The response headers every page and endpoint sends: a strict Content-Security-Policy whose scripts need this
/// request's nonce (<see cref="CspNonce"/>), framing forbidden, no MIME sniffing, a referrer policy, a permissions
/// policy that turns off device features, no caching of signed-in responses, and HSTS for a year outside Development.
/// Outside Development the session and antiforgery cookies carry the <c>__Host-</c> prefix (secure, host-only, path /).
/// </summary>
public static class SecurityHeadersSetup
{
    private const string NonceKey = "csp-nonce";

    public static void AddTrainingNetworkSecurityHeaders(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.Services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.Name = CookieName("TrainingNetwork.Antiforgery", development);
            options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>A cookie name with the <c>__Host-</c> prefix except in Development, which runs on plain http.</summary>
    public static string CookieName(string name, bool development) => development ? name : "__Host-" + name;

    /// <summary>The nonce of this request's Content-Security-Policy, for <c>&lt;script nonce="…"&gt;</c>.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static void UseTrainingNetworkSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{context.CspNonce()}'; style-src 'self'; img-src 'self' data:; " +
                    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
