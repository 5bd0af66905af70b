namespace TrainingNetwork.Web.Data;

/// <summary>
/// A create or sign form that has been used: its key (issued with the form), a hash of what was posted and where the
/// result lives. Written in the transaction of the change it made, so a replay finds it or the change did not happen.
/// </summary>
public sealed class IdempotencyRecord
{
    public IdempotencyRecord(string userId, Guid key, string form, string requestHash, string resultLocation, DateTimeOffset usedAt)
    {
        UserId = userId;
        Key = key;
        Form = form;
        RequestHash = requestHash;
        ResultLocation = resultLocation;
        UsedAt = usedAt;
    }

    public string UserId { get; private set; }

    public Guid Key { get; private set; }

    /// <summary>The page the key was used on, e.g. "/Cases/Create".</summary>
    public string Form { get; private set; }

    /// <summary>SHA-256 (hex) of the posted fields other than the antiforgery token; a replay with other content is refused.</summary>
    public string RequestHash { get; private set; }

    public string ResultLocation { get; private set; }

    public DateTimeOffset UsedAt { get; private set; }
}
