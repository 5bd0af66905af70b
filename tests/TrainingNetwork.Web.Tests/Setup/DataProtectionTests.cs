using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Npgsql;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Setup;

/// <summary>Requirement 45: the key ring lives in the database, so instances and restarts share cookies and form tokens.</summary>
public sealed class DataProtectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_sign_in_and_a_form_from_one_instance_are_accepted_by_another_started_later()
    {
        var jar = new CookieContainer();
        var first = portal.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        await first.SignInAsync(DemoAccounts.Trainee, DemoAccounts.Password);
        var form = await first.GetDocumentAsync("/Cases/Create");

        await using var second = portal.SecondInstance();
        await ((IAsyncLifetime)second).InitializeAsync();
        var secondClient = second.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));

        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/Cases")).StatusCode);
        // The form's antiforgery token was issued by the first instance; an empty case fails validation (200), not antiforgery (400).
        var posted = await secondClient.SubmitAsync(form, "form#case-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(await KeyCountAsync() > 0);
    }

    private async Task<long> KeyCountAsync()
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
