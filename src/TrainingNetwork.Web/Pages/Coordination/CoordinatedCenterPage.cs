using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Coordination;

public static class CoordinatorScope
{
    /// <summary>The centers where the signed-in user is a coordinator member: every coordination page starts from these.</summary>
    public static IQueryable<Guid> CoordinatedCenterIds(this AppDbContext db, ClaimsPrincipal user)
    {
        var userId = user.GetUserId();
        return db.CenterMemberships.Where(m => m.UserId == userId && m.Role == CenterRole.CenterCoordinator).Select(m => m.CenterId);
    }
}

/// <summary>
/// A page about one center, at <c>{centerId}</c>: it answers 404 unless the signed-in user coordinates that center, so
/// another center's id reveals and changes nothing.
/// </summary>
public abstract class CoordinatedCenterPage(AppDbContext db) : PageModel
{
    protected AppDbContext Db { get; } = db;

    [FromRoute]
    public Guid CenterId { get; set; }

    public string CenterName { get; protected set; } = "";

    /// <summary>This center, when the signed-in user coordinates it; filter every load through it.</summary>
    protected IQueryable<Center> MyCenter() => Db.Centers.Where(c => c.Id == CenterId && Db.CoordinatedCenterIds(User).Contains(c.Id));

    /// <summary>Loads the center's name for the page heading; false when the user does not coordinate it.</summary>
    protected async Task<bool> FindCenterAsync(CancellationToken ct)
    {
        CenterName = await MyCenter().Select(c => c.Name).SingleOrDefaultAsync(ct) ?? "";
        return CenterName.Length > 0;
    }
}
