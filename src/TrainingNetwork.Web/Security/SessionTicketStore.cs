using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Keeps each signed-in session's authentication ticket in <c>sign_in_sessions</c>; the cookie carries only the row's
/// random id. The row is the authority: a session whose row is gone, past its absolute limit or idle too long is signed
/// out, however valid its cookie, so signing out, "sign out everywhere" and disabling an account take effect at once.
/// </summary>
public sealed partial class SessionTicketStore(
    IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock, ILogger<SessionTicketStore> logger) : ITicketStore
{
    private const string CurrentSessionKey = "TrainingNetwork.SignInSession";
    private const string SigningInKey = "TrainingNetwork.SignInSession.SigningIn";
    private const string ReplacedByKey = "TrainingNetwork.SignInSession.ReplacedBy";
    private const int MaxUserAgentLength = 200;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("TrainingNetwork.SignInSession");

    /// <summary>The id of the session this request was authenticated with (or signed in to), if any.</summary>
    public static Guid? CurrentSessionId(HttpContext context) => context.Items[CurrentSessionKey] as Guid?;

    /// <summary>Marks the request as a sign-in, so that a session the browser already holds is replaced, not reused.</summary>
    public static void MarkSigningIn(HttpContext context) => context.Items[SigningInKey] = true;

    /// <summary>The session that replaced the browser's previous one during this sign-in, if it had one.</summary>
    public static Guid? ReplacementSessionId(HttpContext context) => context.Items[ReplacedByKey] as Guid?;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreSessionAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreSessionAsync(ticket, httpContext, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewSessionAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewSessionAsync(key, ticket, httpContext, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveSessionAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveSessionAsync(key, httpContext, cancellationToken);

    public Task RemoveAsync(string key) => RemoveSessionAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveSessionAsync(key, cancellationToken);

    private async Task<string> StoreSessionAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        // Cheap cleanup at each sign-in: rows no request can use any more.
        await db.SignInSessions.Where(s => s.ExpiresAt <= now || s.LastSeenAt <= now - SessionLimits.Idle).ExecuteDeleteAsync(ct);
        var session = NewSession(ticket, httpContext, now);
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(ct);
        Remember(httpContext, CurrentSessionKey, session.Id);
        return session.Id.ToString();
    }

    private async Task RenewSessionAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!Guid.TryParse(key, out var id) || await db.SignInSessions.FindAsync([id], ct) is not { } session)
        {
            return; // ended meanwhile: never bring it back
        }

        var now = clock.GetUtcNow();
        if (httpContext?.Items.ContainsKey(SigningInKey) == true)
        {
            // A sign-in over a session the browser already holds (perhaps one planted by someone else): a new id, so that
            // whoever knew the old one does not share the new session. The same person keeps the old session's limits.
            db.SignInSessions.Remove(session);
            var userId = ticket.Principal.GetUserId();
            var replacement = userId == session.UserId
                ? new SignInSession(Guid.NewGuid(), userId, Protect(ticket), session.CreatedAt, session.ExpiresAt, UserAgent(httpContext))
                : NewSession(ticket, httpContext, now);
            replacement.Renew(replacement.Ticket, now);
            db.SignInSessions.Add(replacement);
            Remember(httpContext, ReplacedByKey, replacement.Id);
            Remember(httpContext, CurrentSessionKey, replacement.Id);
        }
        else
        {
            session.Renew(Protect(ticket), now);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<AuthenticationTicket?> RetrieveSessionAsync(string key, HttpContext? httpContext, CancellationToken ct)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.SignInSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var ticket = Unprotect(session.Ticket);
        var endReason = ticket is null ? "ticket unreadable" : SessionLimits.EndReason(session, ticket.Principal, now);
        if (endReason is not null)
        {
            await db.SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
            LogSessionEnded(session.UserId, endReason);
            return null;
        }

        if (now - session.LastSeenAt >= SessionLimits.ActivityResolution)
        {
            await db.SignInSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        }

        Remember(httpContext, CurrentSessionKey, id);
        return ticket;
    }

    private async Task RemoveSessionAsync(string key, CancellationToken ct)
    {
        if (Guid.TryParse(key, out var id))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        }
    }

    private SignInSession NewSession(AuthenticationTicket ticket, HttpContext? httpContext, DateTimeOffset now) =>
        new(Guid.NewGuid(), ticket.Principal.GetUserId(), Protect(ticket), now, now + SessionLimits.AbsoluteFor(ticket.Principal), UserAgent(httpContext));

    private static string? UserAgent(HttpContext? httpContext) =>
        httpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, MaxUserAgentLength)] : null;

    private static void Remember(HttpContext? httpContext, string key, Guid id)
    {
        if (httpContext is not null)
        {
            httpContext.Items[key] = id;
        }
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] protectedTicket)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(protectedTicket));
        }
        catch (CryptographicException)
        {
            return null; // written under a key the ring no longer has: sign in again
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in session of user {UserId} ended: {Reason}")]
    private partial void LogSessionEnded(string userId, string reason);
}
