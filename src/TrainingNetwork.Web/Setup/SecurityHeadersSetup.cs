using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// The response headers every page and endpoint sends: a strict Content-Security-Policy whose scripts need this
/// request's nonce (<see cref="CspNonce"/>), framing forbidden, no MIME sniffing, a referrer policy, a permissions
/// policy that turns off device features, no caching of signed-in responses. When the portal is served over HTTPS only
/// (<c>Security:HttpsOnly</c>, on by default outside Development): HSTS for a year, and session and antiforgery cookies
/// with the <c>__Host-</c> prefix (secure, host-only, path /). A TLS-terminating proxy must pass X-Forwarded-Proto.
/// </summary>
public static class SecurityHeadersSetup
{
    private const string NonceKey = "csp-nonce";

    /// <summary>Whether every request reaches the portal over HTTPS (directly, or through a proxy that says so).</summary>
    public static bool HttpsOnly(this WebApplicationBuilder builder) =>
        builder.Configuration.GetValue("Security:HttpsOnly", !builder.Environment.IsDevelopment());

    public static void AddTrainingNetworkSecurityHeaders(this WebApplicationBuilder builder)
    {
        var httpsOnly = builder.HttpsOnly();
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The client's address (rate limits, logs) and scheme as the proxy saw them. Loopback proxies are trusted by
            // default; a balancer on another host is listed in ForwardedHeaders:KnownProxies.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.Services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.Name = CookieName("TrainingNetwork.Antiforgery", httpsOnly);
            options.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>A cookie name with the <c>__Host-</c> prefix when the portal is served over HTTPS only.</summary>
    public static string CookieName(string name, bool httpsOnly) => httpsOnly ? "__Host-" + name : name;

    /// <summary>The nonce of this request's Content-Security-Policy, for <c>&lt;script nonce="…"&gt;</c>.</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // base64url: no character that HTML encoding would rewrite in the script tags' attribute.
            nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static void UseTrainingNetworkSecurityHeaders(this WebApplication app, bool httpsOnly)
    {
        app.UseForwardedHeaders();
        if (httpsOnly)
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
