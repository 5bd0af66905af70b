using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// When the user last proved who they are (ASVS 7.5.1). The time is kept in the sign-in's properties, not in
/// <see cref="AuthenticationProperties.IssuedUtc"/>: sliding expiration and sign-in refreshes (a role or two-factor
/// change) re-issue the ticket but keep its properties, so only a real sign-in or re-authentication sets it.
/// </summary>
public static class RecentSignIn
{
    public const string ReauthenticatePage = "/Account/Reauthenticate";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const string SignedInAtItem = "tn.signedInAt";

    /// <summary>For <see cref="CookieAuthenticationEvents.OnSigningIn"/>: a new sign-in has no time yet; a refresh keeps its own.</summary>
    public static void Record(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items.TryAdd(SignedInAtItem, now.ToString("O", CultureInfo.InvariantCulture));

    public static async Task<bool> IsRecentAsync(HttpContext http)
    {
        var signIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return signIn.Properties?.Items.TryGetValue(SignedInAtItem, out var text) == true
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            && now - signedInAt <= MaxAge;
    }
}

/// <summary>
/// On a page model: its handlers (or only the named ones, e.g. <c>OnPostGrantAsync</c>) need a sign-in at most
/// <see cref="RecentSignIn.MaxAge"/> old; otherwise the user confirms their password (and authenticator code) first and
/// comes back to the page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRecentSignInAttribute(params string[] handlerMethods) : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var guarded = handlerMethods.Length == 0 || handlerMethods.Contains(context.HandlerMethod?.MethodInfo.Name);
        if (guarded && !await RecentSignIn.IsRecentAsync(context.HttpContext))
        {
            // Back to the page itself (a GET), not to the handler that was refused.
            var request = context.HttpContext.Request;
            var query = QueryString.Create(request.Query.Where(q => q.Key != "handler"));
            context.Result = new RedirectToPageResult(RecentSignIn.ReauthenticatePage, new { area = "", returnUrl = $"{request.PathBase}{request.Path}{query}" });
            return;
        }

        await next();
    }
}
