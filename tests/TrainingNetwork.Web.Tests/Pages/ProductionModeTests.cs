using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

public sealed class ProductionModeTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Production_has_no_demo_accounts_and_lists_none()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync("/Identity/Account/Login");

        Assert.Null(page.QuerySelector(".demo-accounts"));
        Assert.DoesNotContain(DemoAccounts.Password, page.Body!.TextContent);
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync());
    }

    [Fact]
    public async Task Demo_seeder_refuses_to_run_outside_development()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoNetworkSeeder>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.SeedAsync());
    }
}
