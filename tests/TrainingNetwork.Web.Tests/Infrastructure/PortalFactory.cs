using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a database of its own, migrated and seeded with the demo network as in Development.
/// Use as a class fixture; call <see cref="ResetAsync"/> from tests that change data.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Respawner? _respawner;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Where this portal writes audit anchors ("outside the database"): a folder of its own.</summary>
    public string AnchorDirectory { get; } = Path.Combine(Path.GetTempPath(), $"tn-anchors-{Guid.NewGuid():N}");

    protected virtual string EnvironmentName => "Development";

    /// <summary>A second instance of the portal on this portal's database, as when several instances run behind a proxy.</summary>
    public PortalFactory SecondInstance() => new() { ConnectionString = ConnectionString, _ownsDatabase = false };

    private bool _ownsDatabase = true;

    public async Task InitializeAsync()
    {
        if (_ownsDatabase)
        {
            ConnectionString = await TestPostgres.CreateDatabaseAsync();
        }

        _ = Services; // starts the host: migrations and the demo seed run now, not inside the first test
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory", "data_protection_keys"],
        });
        await WithTriggersOffAsync(connection, () => _respawner.ResetAsync(connection));
        DeleteAnchors();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoNetworkSeeder>().SeedAsync();
    }

    /// <summary>
    /// The audit trail and signed records are append-only (triggers refuse DELETE); as the database's owner, a test may
    /// switch triggers off for its session (session_replication_role), as an attacker with full database access could.
    /// </summary>
    public static async Task WithTriggersOffAsync(NpgsqlConnection connection, Func<Task> action)
    {
        await using (var off = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        try
        {
            await action();
        }
        finally
        {
            await using var on = new NpgsqlCommand("SET session_replication_role = origin", connection);
            await on.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A browser-like client already signed in as a demo account.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = CreateBrowserLikeClient();
        await client.SignInAsync(email, DemoAccounts.Password);
        return client;
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientBaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Where test clients send requests: plain http in Development, https where the portal is served over HTTPS only.</summary>
    protected virtual Uri ClientBaseAddress => new("http://localhost");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }

        DeleteAnchors();
    }

    private void DeleteAnchors()
    {
        if (Directory.Exists(AnchorDirectory))
        {
            Directory.Delete(AnchorDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:TrainingNetwork", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        // Tests that need the sweep call ReadinessSummarySweep.SweepAsync; a timer would race with ResetAsync.
        builder.UseSetting("ReadinessSummaries:SweepMinutes", "0");
        builder.UseSetting("Waitlist:SweepMinutes", "0");
        // Tests sign in hundreds of times a minute from one address; RateLimitedPortalFactory tests the limits.
        builder.UseSetting("RateLimits:AccountPostsPerMinute", "1000000");
        builder.UseSetting("Audit:AnchorHours", "0");
        builder.UseSetting("Audit:AnchorDirectory", AnchorDirectory);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, UnknownPeerAddress>());
    }

    /// <summary>
    /// The test server leaves the client's address empty, which the forwarded-headers check would not treat as an
    /// unknown peer; a real connection always has one. Test clients connect from a documentation address, like a browser
    /// elsewhere on the internet, unless a test sets the peer itself.
    /// </summary>
    private sealed class UnknownPeerAddress : IStartupFilter
    {
        public static readonly IPAddress Address = IPAddress.Parse("192.0.2.1");

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= Address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The app as it runs in production: no demo data, no demo sign-ins.</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    protected override string EnvironmentName => "Production";

    protected override Uri ClientBaseAddress => new("https://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(CaseSetup.PseudonymKeySetting, "bzhHc2aR3W8kJmVfMz2xQ1pT9yLcN4uE7vA0dKgXw6s=");
    }
}
