using System.Data;
using Microsoft.EntityFrameworkCore;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// A session-level PostgreSQL advisory lock, held on the context's connection until disposed: for work that spans
/// several transactions (the readiness sweep, creating the first data protection key). Pooled connections keep session
/// state (No Reset On Close), so disposing always unlocks; a broken connection has released the lock already, and its
/// error is the one to report.
/// </summary>
public sealed class SessionLock : IAsyncDisposable
{
    private readonly AppDbContext _db;
    private readonly long _key;

    private SessionLock(AppDbContext db, long key) => (_db, _key) = (db, key);

    /// <summary>Waits for the lock.</summary>
    public static async Task<SessionLock> AcquireAsync(AppDbContext db, long key, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", ct);
        return new SessionLock(db, key);
    }

    /// <summary>The lock, or null at once when another session holds it.</summary>
    public static async Task<SessionLock?> TryAcquireAsync(AppDbContext db, long key, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(ct))
        {
            return new SessionLock(db, key);
        }

        await db.Database.CloseConnectionAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_db.Database.GetDbConnection().State == ConnectionState.Open)
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({_key})", CancellationToken.None);
        }

        await _db.Database.CloseConnectionAsync();
    }
}
