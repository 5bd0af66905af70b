using System.Net.Sockets;
using Npgsql;

namespace TrainingNetwork.Web.Data;

public static class DatabaseFailures
{
    /// <summary>
    /// True when the exception, or one it wraps (EF's DbUpdateException, InvalidOperationException …), says PostgreSQL
    /// could not be reached, dropped the connection, or is shutting down or starting: the request did not complete and
    /// may be sent again.
    /// </summary>
    public static bool IsDatabaseUnavailable(this Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                // Connection refused or dropped, connect timeout, pool exhausted.
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                    return true;
            }
        }

        return false;
    }

    // Not PostgresException.IsTransient: that also covers deadlocks and serialization failures, which are not outages.
    private static bool IsUnavailableState(string sqlState) =>
        sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
        || sqlState.StartsWith("08", StringComparison.Ordinal);
}
