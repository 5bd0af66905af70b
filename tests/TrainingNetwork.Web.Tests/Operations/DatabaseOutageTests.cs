using System.Net;
using System.Net.Sockets;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Serilog.Core;
using Serilog.Events;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;

namespace TrainingNetwork.Web.Tests.Operations;

/// <summary>The portal reaches its database through a proxy the tests cut, as an outage would, and restore.</summary>
public sealed class OutagePortalFactory : PortalFactory
{
    private CuttableTcpProxy? _proxy;

    public CuttableTcpProxy Database => _proxy ?? throw new InvalidOperationException("The host has not started yet.");

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var direct = new NpgsqlConnectionStringBuilder(ConnectionString);
        _proxy = new CuttableTcpProxy(direct.Host!, direct.Port);
        builder.UseSetting("ConnectionStrings:TrainingNetwork", new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port }.ConnectionString);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    // xunit disposes a fixture twice (IAsyncLifetime, then IDisposable): the proxy only once.
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Interlocked.Exchange(ref _proxy, null)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed class DatabaseOutageTests(OutagePortalFactory portal) : IClassFixture<OutagePortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync()
    {
        portal.Database.Restore();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Page_during_the_outage_answers_503_saying_nothing_was_saved_and_works_again_after_it()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        portal.Database.Cut();
        var during = await client.GetAsync("/Cases");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), during.Headers.RetryAfter?.Delta);
        var page = await HtmlForms.ParseAsync(during);
        Assert.Equal("Nothing was saved", page.Heading());
        Assert.Contains("Back button", page.Body!.TextContent);
        Assert.Contains(during.Headers.GetValues(LoggingSetup.CorrelationHeader).Single(), page.Body.TextContent);

        portal.Database.Restore();
        var after = await client.GetAsync("/Cases");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Form_posted_during_the_outage_saves_nothing_and_the_same_form_saves_once_after_it()
    {
        var (client, form, values) = await OpenCaseFormAsync("Posted while the database was cut.");

        portal.Database.Cut();
        var during = await client.SubmitAsync(form, "#case-form", values);
        portal.Database.Restore();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("Nothing was saved", (await HtmlForms.ParseAsync(during)).Heading());
        Assert.Empty(await CasesWithNoteAsync(values["Input.Note"]));

        var retried = await client.SubmitAsync(form, "#case-form", values);

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Single(await CasesWithNoteAsync(values["Input.Note"]));
    }

    [Fact]
    public async Task Form_whose_commit_answer_was_lost_is_not_saved_again_when_sent_again()
    {
        var (client, form, values) = await OpenCaseFormAsync("Committed, but the answer was lost.");

        portal.Database.CutAfterNextCommit();
        var lost = await client.SubmitAsync(form, "#case-form", values);
        portal.Database.Restore();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Single(await CasesWithNoteAsync(values["Input.Note"]));

        var retried = await client.SubmitAsync(form, "#case-form", values);

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Single(await CasesWithNoteAsync(values["Input.Note"]));
    }

    [Fact]
    public async Task Liveness_stays_up_while_readiness_follows_the_database()
    {
        var client = portal.CreateBrowserLikeClient();

        portal.Database.Cut();
        var liveDuring = await client.GetAsync("/health/live");
        var readyDuring = await client.GetAsync("/health/ready");
        portal.Database.Restore();
        var readyAfter = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, liveDuring.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuring.StatusCode);
        Assert.Equal("Unhealthy", await readyDuring.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
    }

    [Fact]
    public async Task Outage_is_logged_once_as_a_warning_with_the_correlation_id_and_no_stack_trace()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        client.DefaultRequestHeaders.Add(LoggingSetup.CorrelationHeader, "outage-ticket-7");

        portal.Database.Cut();
        portal.Logs.Clear();
        var during = await client.GetAsync("/Cases");
        var logged = portal.Logs.Events;
        portal.Database.Restore();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        var warning = Assert.Single(logged, e => e.Level == LogEventLevel.Warning);
        Assert.Equal(new ScalarValue("outage-ticket-7"), warning.Properties["CorrelationId"]);
        Assert.Equal(new ScalarValue("/Cases"), warning.Properties["Path"]);
        Assert.All(logged, e => Assert.Null(e.Exception));
        // What stays besides the warning: EF Core's one line naming the command that was running when the connection broke.
        Assert.All(logged.Where(e => e.Level == LogEventLevel.Error), e => Assert.StartsWith("Failed executing DbCommand", e.MessageTemplate.Text));
    }

    /// <summary>A signed-in trainee's case form, loaded while the database answers, and a valid submission of it.</summary>
    private async Task<(HttpClient Client, IHtmlDocument Form, Dictionary<string, string> Values)> OpenCaseFormAsync(string note)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var form = await client.GetDocumentAsync("/Cases/Create");
        return (client, form, new Dictionary<string, string>
        {
            ["Input.SupervisorUserId"] = form.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!.Value!,
            ["Input.Agent"] = "Lu-177 dotatate (Lutathera)",
            ["Input.ActivityAmount"] = "7400",
            ["Input.Note"] = note,
            ["save"] = "Submit",
        });
    }

    private async Task<List<Guid>> CasesWithNoteAsync(string note)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM cases WHERE note = @note", connection);
        command.Parameters.AddWithValue("note", note);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}

/// <summary>Which failures count as "database unavailable", and what the 503 looks like to an API client.</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<Exception> Unavailable =>
    [
        new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)),
        new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
        new NpgsqlException("The connection pool has been exhausted", new TimeoutException()),
        Postgres(PostgresErrorCodes.AdminShutdown),
        Postgres(PostgresErrorCodes.CrashShutdown),
        Postgres(PostgresErrorCodes.CannotConnectNow),
        Postgres(PostgresErrorCodes.ConnectionFailure),
        new DbUpdateException("An error occurred while saving the entity changes.", Postgres(PostgresErrorCodes.AdminShutdown)),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while writing to stream", new IOException())),
    ];

    public static TheoryData<Exception> Other =>
    [
        new InvalidOperationException("Sequence contains no elements"),
        Postgres(PostgresErrorCodes.UniqueViolation),
        Postgres(PostgresErrorCodes.DeadlockDetected),
        Postgres(PostgresErrorCodes.SerializationFailure),
        new DbUpdateException("An error occurred while saving the entity changes.", Postgres(PostgresErrorCodes.CheckViolation)),
        new TimeoutException("Not from the database"),
    ];

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Unreachable_or_stopping_database_is_recognised(Exception exception) =>
        Assert.True(exception.IsDatabaseUnavailable());

    [Theory]
    [MemberData(nameof(Other))]
    public void Other_failures_are_left_to_the_error_page(Exception exception) =>
        Assert.False(exception.IsDatabaseUnavailable());

    [Theory]
    [InlineData("Host=db;Database=tn", 5)]
    [InlineData("Host=db;Database=tn;Timeout=12", 12)]
    [InlineData("Host=db;Database=tn;timeout=1", 1)]
    public void Connect_timeout_is_five_seconds_unless_the_connection_string_sets_one(string connectionString, int seconds) =>
        Assert.Equal(seconds, new NpgsqlConnectionStringBuilder(DatabaseOptions.Tuned(connectionString)).Timeout);

    [Theory]
    [InlineData("Host=db;Database=tn", 100, true)]
    [InlineData("Host=db;Database=tn;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    public void Statements_stay_prepared_unless_the_connection_string_says_otherwise(string connectionString, int maxAutoPrepare, bool noResetOnClose)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseOptions.Tuned(connectionString));
        Assert.Equal(maxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(noResetOnClose, tuned.NoResetOnClose);
    }

    [Fact]
    public async Task Api_request_gets_problem_json_with_retry_after()
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
            TraceIdentifier = "api-ticket-3",
        };
        var failure = Postgres(PostgresErrorCodes.AdminShutdown);
        // As UseExceptionHandler leaves it: the request pointed at /Error, the address asked for in the feature.
        context.Request.Path = "/Error";
        context.Features.Set<IExceptionHandlerPathFeature>(new ExceptionHandlerFeature { Path = "/api/v1/anything", Error = failure });
        context.Response.Body = new MemoryStream();
        var handler = new DatabaseUnavailableHandler(NullLogger<DatabaseUnavailableHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, failure, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var problem = await System.Text.Json.JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("nothing was saved", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("api-ticket-3", problem.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Other_failures_are_not_handled()
    {
        var context = new DefaultHttpContext();
        var handler = new DatabaseUnavailableHandler(NullLogger<DatabaseUnavailableHandler>.Instance);

        Assert.False(await handler.TryHandleAsync(context, Postgres(PostgresErrorCodes.UniqueViolation), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static PostgresException Postgres(string sqlState) => new("test", "FATAL", "FATAL", sqlState);
}
