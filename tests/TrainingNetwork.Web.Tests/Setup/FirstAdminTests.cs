using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Setup;

/// <summary>Requirement 10: no default accounts in production; the first administrator comes from a one-time command.</summary>
public sealed class FirstAdminTests(ProductionPortalFactory portal) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Production_database_has_the_five_roles_and_one_first_administrator_at_most()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());

        var first = await FirstAdmin.CreateAsync(portal.Services, "first.admin@network.example", "Dr. First Admin");
        var second = await FirstAdmin.CreateAsync(portal.Services, "second.admin@network.example", "Dr. Second Admin");

        Assert.True(first.Created, first.Message);
        Assert.Contains("/Identity/Account/ResetPassword?code=", first.Message, StringComparison.Ordinal);
        Assert.False(second.Created);
        Assert.Contains("already exists", second.Message, StringComparison.Ordinal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
        Assert.Equal("first.admin@network.example", admin.Email);
        Assert.False(await users.HasPasswordAsync(admin));
        Assert.Null(await users.FindByEmailAsync("second.admin@network.example"));
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.SubjectId == admin.Id).ToListAsync());
        Assert.Equal((AuditAction.AccountInvited, (string?)null), (entry.Action, entry.ActorUserId));
    }
}
