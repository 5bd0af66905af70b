using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TrainingNetwork.Web.Data;

public static class DbUpdateExceptions
{
    /// <summary>True when PostgreSQL refused the write because a unique index already holds the value.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
