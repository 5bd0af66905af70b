using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Domain.Cases;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Cases;

/// <summary>Signing in and posting the case forms as a physician would, and reading what was saved.</summary>
internal static class CaseLog
{
    /// <summary>trainee14's accepted placement is at Gateway; trainee16 (Cascade) has approved cases.</summary>
    public const string GatewayTrainee = DemoAccounts.Trainee;
    public const string TraineeWithApprovedCases = "trainee16@trainingnetwork.test";
    public const string OtherTrainee = "trainee15@trainingnetwork.test";
    public const string TraineeWithoutPlacement = "trainee10@trainingnetwork.test";


    /// <summary>Opens Cases/Create and posts it with a valid Lu-177 dotatate case, changed by <paramref name="changes"/>.</summary>
    public static async Task<HttpResponseMessage> LogCaseAsync(this HttpClient client, IReadOnlyDictionary<string, string>? changes = null, string save = "Submit")
    {
        var form = await client.GetDocumentAsync("/Cases/Create");
        var values = new Dictionary<string, string>
        {
            ["Input.SupervisorUserId"] = form.QuerySelector<IHtmlSelectElement>("#Input_SupervisorUserId")!.Value!,
            ["Input.Agent"] = "Lu-177 dotatate (Lutathera)",
            ["Input.ActivityAmount"] = "7400",
            ["Input.ActivityUnit"] = "MBq",
            ["Input.WrittenDirectiveRequired"] = "true",
            ["Input.PersonalParticipation"] = "true",
            ["save"] = save,
        };
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return await client.SubmitAsync(form, "#case-form", values);
    }

    public static async Task<T> QueryAsync<T>(this PortalFactory portal, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<List<SupervisedCase>> CasesOfAsync(this PortalFactory portal, string email) =>
        portal.QueryAsync(db => db.Cases.AsNoTracking().Include(c => c.History)
            .Where(c => db.Trainees.Any(t => t.Id == c.TraineeId && db.Users.Any(u => u.Id == t.UserId && u.Email == email)))
            .OrderBy(c => c.CreatedAt)
            .ToListAsync());

    public static Task<string> UserIdOfAsync(this PortalFactory portal, string email) =>
        portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static string FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";
}
