using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Reviews;

/// <summary>
/// The demo network as the review pages see it, and the cases and people the tests add to it. In the demo data
/// trainee14 (placed at Gateway) has one submitted case supervised by preceptor1.gateway, one by preceptor2.gateway,
/// and a draft supervised by preceptor1.gateway.
/// </summary>
public static class ReviewData
{
    public const string Preceptor = DemoAccounts.Preceptor;
    public const string Physician = DemoAccounts.Trainee;
    public const string Gateway = "Gateway Theranostics Center";
    public const string Lakeshore = "Lakeshore Cancer Institute";
    public const string Lutathera = "Lu-177 dotatate (Lutathera)";

    public static async Task<T> WithDbAsync<T>(this PortalFactory portal, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<string> UserIdAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<SupervisedCase> CaseAsync(this PortalFactory portal, Guid id) =>
        portal.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.History).SingleAsync(c => c.Id == id));

    /// <summary>The physician's case in <paramref name="status"/> that <paramref name="supervisorEmail"/> supervises.</summary>
    public static async Task<Guid> DemoCaseAsync(this PortalFactory portal, CaseStatus status, string supervisorEmail = Preceptor)
    {
        var supervisor = await portal.UserIdAsync(supervisorEmail);
        var physician = await portal.UserIdAsync(Physician);
        return await portal.WithDbAsync(db => db.Cases
            .Where(c => c.SupervisorUserId == supervisor && c.Status == status && db.Trainees.Any(t => t.Id == c.TraineeId && t.UserId == physician))
            .Select(c => c.Id).SingleAsync());
    }

    /// <summary>Submits the physician's draft supervised by preceptor1.gateway, so that two cases wait for them.</summary>
    public static async Task<Guid> SubmitDemoDraftAsync(this PortalFactory portal)
    {
        var id = await portal.DemoCaseAsync(CaseStatus.Draft);
        var physician = await portal.UserIdAsync(Physician);
        await portal.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == id)).Submit(physician, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Adds a submitted Lu-177 dotatate case to the log of the physician with <paramref name="traineeUserId"/>.</summary>
    public static Task<Guid> AddSubmittedCaseAsync(
        this PortalFactory portal, string traineeUserId, string supervisorUserId, string centerName, DateOnly administeredOn) =>
        portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var traineeId = await db.Trainees.Where(t => t.UserId == traineeUserId).Select(t => t.Id).SingleAsync();
            var centerId = await db.Centers.Where(c => c.Name == centerName).Select(c => c.Id).SingleAsync();
            var supervisedCase = new SupervisedCase(
                Guid.CreateVersion7(now), traineeId, centerId, supervisorUserId, administeredOn, Lutathera, "Lu-177",
                AdministrationRoute.Intravenous, 7400m, writtenDirectiveRequired: true, personalParticipation: true,
                patientToken: null, note: null, traineeUserId, now);
            supervisedCase.Submit(traineeUserId, now);
            db.Cases.Add(supervisedCase);
            await db.SaveChangesAsync();
            return supervisedCase.Id;
        });

    /// <summary>
    /// A new preceptor on Gateway's roster whose 35.390 listing staff have not checked yet, and a submitted case of the
    /// physician's that they supervised. Returns the preceptor's e-mail and the case.
    /// </summary>
    public static async Task<(string Email, Guid CaseId)> AddUnverifiedPreceptorAsync(this PortalFactory portal)
    {
        const string email = "new.preceptor.gateway@trainingnetwork.test";
        string userId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Dr. Nina Verhoeven" };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Preceptor)).Succeeded);
            userId = user.Id;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var gateway = await db.Centers.Where(c => c.Name == Gateway).Select(c => c.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.CenterMemberships.Add(new CenterMembership(Guid.CreateVersion7(), gateway, userId, CenterRole.Preceptor));
            db.PracticeAuthorizations.Add(new PracticeAuthorization(
                Guid.CreateVersion7(), userId, "35.390", ["G1", "G2", "G3"], "24-31001-01", Regulator.Nrc, null, today.AddYears(-5), null));
            await db.SaveChangesAsync();
        }

        var caseId = await portal.AddSubmittedCaseAsync(
            await portal.UserIdAsync(Physician), userId, Gateway, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7));
        return (email, caseId);
    }
}
