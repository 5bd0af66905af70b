namespace TrainingNetwork.Web.Data;

/// <summary>
/// One signed-in browser. The cookie carries only this row's random id; the authentication ticket stays here, so
/// signing out, "sign out everywhere" and disabling an account end the session on the server.
/// </summary>
public sealed class SignInSession
{
    public SignInSession(Guid id, string userId, byte[] ticket, DateTimeOffset createdAt, DateTimeOffset expiresAt, string? userAgent)
    {
        Id = id;
        UserId = userId;
        Ticket = ticket;
        CreatedAt = createdAt;
        LastSeenAt = createdAt;
        ExpiresAt = expiresAt;
        UserAgent = userAgent;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The serialized authentication ticket, protected with the portal's Data Protection keys.</summary>
    public byte[] Ticket { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The absolute end of the session, however active it stays.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public string? UserAgent { get; private set; }

    public void Renew(byte[] ticket, DateTimeOffset seenAt)
    {
        Ticket = ticket;
        LastSeenAt = seenAt;
    }
}
