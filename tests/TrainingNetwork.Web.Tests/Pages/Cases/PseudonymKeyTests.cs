using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Tests.Pages.Cases;

public sealed class PseudonymKeyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnQta2V5")]
    [InlineData("not base64 at all!")]
    public void Production_refuses_to_start_without_a_valid_pseudonym_key(string? key)
    {
        using var factory = new ProductionWithKey(key);

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(CaseSetup.PseudonymKeySetting, error.ToString());
    }

    private sealed class ProductionWithKey(string? key) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // Never opened: startup stops before the database is used.
            builder.UseSetting("ConnectionStrings:TrainingNetwork", "Host=127.0.0.1;Database=unused");
            builder.UseSetting(CaseSetup.PseudonymKeySetting, key);
        }
    }
}
