using System.Security.Claims;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// How long a signed-in session lasts: it ends after a spell of inactivity and, however active, a fixed time after
/// sign-in. Admins, who can do the most harm with a stolen session, get the shorter limits.
/// </summary>
public static class SessionLimits
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);
    public static readonly TimeSpan AdminIdle = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AdminAbsolute = TimeSpan.FromHours(8);

    /// <summary>How stale a session's "last active" time may get: it is written at most this often, not on every request.</summary>
    public static readonly TimeSpan ActivityResolution = TimeSpan.FromMinutes(1);

    public static TimeSpan IdleFor(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) ? AdminIdle : Idle;

    public static TimeSpan AbsoluteFor(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) ? AdminAbsolute : Absolute;

    /// <summary>
    /// Why the session has ended at <paramref name="now"/>, or null while it lasts. The admin limits are measured from
    /// sign-in too, so someone made an admin during a session gets the admin limits from then on.
    /// </summary>
    public static string? EndReason(SignInSession session, ClaimsPrincipal user, DateTimeOffset now) =>
        now >= session.ExpiresAt || now >= session.CreatedAt + AbsoluteFor(user) ? "absolute limit reached"
        : now - session.LastSeenAt >= IdleFor(user) ? "idle too long"
        : null;
}
