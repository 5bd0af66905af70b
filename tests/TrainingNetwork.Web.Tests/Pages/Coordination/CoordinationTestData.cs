using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

/// <summary>The demo centers, coordinators and look-ups shared by the coordination page tests.</summary>
internal static class CoordinationTestData
{
    public const string Gateway = "Gateway Theranostics Center";
    public const string Bluegrass = "Bluegrass Community Oncology";
    public const string BluegrassCoordinator = "coordinator.bluegrass@trainingnetwork.test";
    public const string Lutathera = "Lu-177 dotatate (Lutathera)";

    public static readonly string[] CenterPages = ["Profile", "Therapies", "Capacity", "Roster", "Trainees", "Claims"];

    public static Task<Guid> CenterIdAsync(this PortalFactory portal, string name) =>
        portal.QueryAsync(db => db.Centers.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    /// <summary>The address of a coordination page (Profile, Therapies, Roster, Trainees) about <paramref name="center"/>.</summary>
    public static async Task<string> PageUrlAsync(this PortalFactory portal, string page, string center) =>
        $"/Coordination/{page}/{await portal.CenterIdAsync(center)}";

    public static Task<Center> CenterAsync(this PortalFactory portal, string name) =>
        portal.QueryAsync(db => db.Centers.AsNoTracking().Include(c => c.Therapies).SingleAsync(c => c.Name == name));
}
