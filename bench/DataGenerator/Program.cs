using System.Diagnostics;
using System.Globalization;
using DataGenerator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;

// Usage: DataGenerator --size N1|N10 --connection "<npgsql connection string>" [--seed 42] [--as-of yyyy-MM-dd]
// Dates are relative to --as-of (default: today, UTC); the same seed and date give the same network.

const string Password = "bench-network-2026";

var options = ParseOptions(args);
if (options is null)
{
    Console.Error.WriteLine("Usage: DataGenerator --size N1|N10 --connection \"<npgsql connection string>\" [--seed 42] [--as-of yyyy-MM-dd]");
    return 2;
}

var total = Stopwatch.StartNew();
var (size, connectionString, seed, today) = options.Value;

var step = Stopwatch.StartNew();
var dbOptions = new DbContextOptionsBuilder<AppDbContext>();
dbOptions.UseTrainingNetworkDatabase(connectionString);
await using (var db = new AppDbContext(dbOptions.Options, TimeProvider.System))
{
    await db.Database.MigrateAsync();
}

Console.WriteLine($"migrations applied in {step.Elapsed.TotalSeconds:F1} s");

await using var connection = new NpgsqlConnection(connectionString);
await connection.OpenAsync();
if (await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM centers)"))
{
    Console.Error.WriteLine("This database already has centers; the generator fills an empty, migrated database only.");
    return 1;
}

var roleIds = await ReadPairsAsync(connection, "SELECT name, id FROM \"AspNetRoles\"");
var regulators = (await ReadPairsAsync(connection,
        $"SELECT DISTINCT ON (state) state, regulator FROM jurisdiction_rules WHERE effective_from <= DATE '{today:yyyy-MM-dd}' ORDER BY state, effective_from DESC"))
    .ToDictionary(pair => pair.Key, pair => Enum.Parse<Regulator>(pair.Value));

step.Restart();
var network = new NetworkGenerator(size, seed, today, regulators).Generate();
Console.WriteLine($"{size.Name} network generated (seed {seed}, as of {today:yyyy-MM-dd}) in {step.Elapsed.TotalSeconds:F1} s");

// Hashing is deliberately slow: every generated person shares one hash (its salt is the only random part of a run).
var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser { FullName = "" }, Password);

step.Restart();
var loader = new BulkLoader(connection, roleIds, passwordHash);
loader.Load(network);
foreach (var load in loader.Loads)
{
    Console.WriteLine($"{load.Table,-28} {load.Rows,9:N0} rows {load.Elapsed.TotalSeconds,7:F2} s");
}

Console.WriteLine($"{"COPY total",-28} {loader.Loads.Sum(l => (long)l.Rows),9:N0} rows {step.Elapsed.TotalSeconds,7:F2} s");

// The case tallies took one update per case loaded, far more than a running network's steady state, where autovacuum
// and same-page updates keep the table compact: compact it once. Then fresh statistics, so the first queries after the
// load get the plans the indexes were made for.
step.Restart();
foreach (var maintenance in new[] { "VACUUM (FULL) case_month_tallies", "ANALYZE" })
{
    await using var command = new NpgsqlCommand(maintenance, connection);
    await command.ExecuteNonQueryAsync();
}

Console.WriteLine($"{"VACUUM tallies, ANALYZE",-44} {step.Elapsed.TotalSeconds,7:F2} s");
Console.WriteLine($"{"total",-44} {total.Elapsed.TotalSeconds,7:F2} s");
Console.WriteLine($"Every generated person signs in with the password {Password} (e.g. physician1@{NetworkGenerator.EmailDomain}).");
return 0;

static (NetworkSize Size, string Connection, int Seed, DateOnly Today)? ParseOptions(string[] args)
{
    var values = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        values[args[i]] = args[i + 1];
    }

    var size = values.TryGetValue("--size", out var sizeName) ? NetworkSize.Parse(sizeName) : null;
    if (size is null || !values.TryGetValue("--connection", out var connection) || args.Length % 2 != 0)
    {
        return null;
    }

    var seed = 42;
    if (values.TryGetValue("--seed", out var seedText) && !int.TryParse(seedText, CultureInfo.InvariantCulture, out seed))
    {
        return null;
    }

    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    if (values.TryGetValue("--as-of", out var asOfText) && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
    {
        return null;
    }

    return (size, connection, seed, today);
}

static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task<Dictionary<string, string>> ReadPairsAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
    while (await reader.ReadAsync())
    {
        pairs[reader.GetString(0)] = reader.GetString(1);
    }

    return pairs;
}
