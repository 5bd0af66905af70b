using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Profile;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>
/// The center's preceptor roster: who may supervise here, and whether network staff have verified their AU listings.
/// Inviting an address that has an account adds the Preceptor role and this center's membership; any account may be
/// invited, a physician in training included (a physician can precept elsewhere; the review pages never let anyone
/// review their own cases). An unknown address gets a new account with no password and a link to set one
/// (<see cref="Invitations"/>). Removing someone ends the membership only; accounts are never deleted.
/// The coordinator also records which preceptor directs the center's residency program (they may attest on the
/// faculty-consensus model).
/// </summary>
[IdempotentForm("Invite")]
public sealed class RosterModel(AppDbContext db, UserManager<ApplicationUser> users, Invitations invitations, TimeProvider clock, IdempotentForms forms)
    : CoordinatedCenterPage(db)
{
    public IReadOnlyList<RosterEntry> Preceptors { get; private set; } = [];

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!await FindCenterAsync(ct))
        {
            return NotFound();
        }

        ModelState.CheckText("Input.FullName", Input.FullName, 200);
        var address = Input.Email?.Trim() ?? "";
        var addressValid = ModelState.GetFieldValidationState("Input.Email") == ModelValidationState.Valid;
        var existing = addressValid ? await users.FindByEmailAsync(address) : null;
        if (addressValid && existing is null && string.IsNullOrWhiteSpace(Input.FullName))
        {
            ModelState.AddModelError("Input.FullName", "Enter the preceptor's full name: this address has no account yet.");
        }

        if (existing is not null && await Db.CenterMemberships.AnyAsync(m => m.UserId == existing.Id && m.CenterId == CenterId && m.Role == CenterRole.Preceptor, ct))
        {
            ModelState.AddModelError("Input.Email", $"{existing.FullName} is already on this center's roster.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(ct);
        }

        var invitee = existing ?? Invitations.NewAccount(address, TextInput.Clean(Input.FullName!));
        var done = forms.Add(this, RedirectToPage(new { centerId = CenterId }));
        await using (var transaction = await Db.Database.BeginTransactionAsync(ct))
        {
            var result = existing is null ? await users.CreateAsync(invitee) : IdentityResult.Success;
            if (result.Succeeded && !await users.IsInRoleAsync(invitee, Roles.Preceptor))
            {
                result = await users.AddToRoleAsync(invitee, Roles.Preceptor);
            }

            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError("Input.Email", error.Description);
                }

                return await ShowAsync(ct);
            }

            Db.CenterMemberships.Add(new CenterMembership(Guid.CreateVersion7(clock.GetUtcNow()), CenterId, invitee.Id, CenterRole.Preceptor));
            try
            {
                await Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                TempData["Status"] = $"{invitee.FullName} is already on this center's roster.";
                return RedirectToPage(new { centerId = CenterId });
            }

            await transaction.CommitAsync(ct);
        }

        await SendInvitationAsync(invitee, isNew: existing is null);
        TempData["Status"] = existing is null
            ? $"{invitee.FullName} was invited: an e-mail to {address} lets them set a password."
            : $"{invitee.FullName} was added to the roster and told by e-mail.";
        return done;
    }

    public async Task<IActionResult> OnPostProgramDirectorAsync(Guid membershipId, bool directs, CancellationToken ct)
    {
        if (await FindRosterMembershipAsync(membershipId, ct) is not { } membership)
        {
            return NotFound();
        }

        var before = AuditSnapshots.Of(membership);
        membership.SetResidencyProgramDirector(directs);
        Db.Audit(User.GetUserId(), AuditAction.ProgramDirectorChanged, "center_membership", membership.Id, before, AuditSnapshots.Of(membership),
            directs ? "Marked as residency program director" : "No longer residency program director");
        await Db.SaveChangesAsync(ct);
        var name = await Db.Users.Where(u => u.Id == membership.UserId).Select(u => u.FullName).SingleAsync(ct);
        TempData["Status"] = directs
            ? $"{name} is now recorded as this center's residency program director and can attest with a concurring faculty Authorized User."
            : $"{name} is no longer recorded as residency program director. Attestations already signed stand.";
        return RedirectToPage(new { centerId = CenterId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId, CancellationToken ct)
    {
        if (await FindRosterMembershipAsync(membershipId, ct) is not { } membership)
        {
            return NotFound();
        }

        Db.CenterMemberships.Remove(membership);
        await Db.SaveChangesAsync(ct);
        var name = await Db.Users.Where(u => u.Id == membership.UserId).Select(u => u.FullName).SingleAsync(ct);
        TempData["Status"] = $"{name} was removed from the roster. Their account and past sign-offs are kept.";
        return RedirectToPage(new { centerId = CenterId });
    }

    /// <summary>A preceptor membership of this center, when the signed-in user coordinates it.</summary>
    private Task<CenterMembership?> FindRosterMembershipAsync(Guid membershipId, CancellationToken ct) =>
        Db.CenterMemberships
            .Where(m => m.Id == membershipId && m.CenterId == CenterId && m.Role == CenterRole.Preceptor && Db.CoordinatedCenterIds(User).Contains(m.CenterId))
            .SingleOrDefaultAsync(ct);

    private Task SendInvitationAsync(ApplicationUser invitee, bool isNew)
    {
        var invitedTo = $"The coordinator of {CenterName} invited you to its preceptor roster on TrainingNetwork.";
        return isNew
            ? invitations.SendToNewAccountAsync(Url, Request.Scheme, invitee, $"Invitation: preceptor at {CenterName}", invitedTo)
            : invitations.SendToExistingAccountAsync(Url, Request.Scheme, invitee, $"You are now a preceptor at {CenterName}",
                $"The coordinator of {CenterName} added you to its preceptor roster on TrainingNetwork.", "to review the cases you supervise there.");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (!await FindCenterAsync(ct))
        {
            return NotFound();
        }

        Preceptors = await Db.CenterMemberships.Where(m => m.CenterId == CenterId && m.Role == CenterRole.Preceptor)
            .Join(Db.Users, m => m.UserId, u => u.Id, (m, u) => new { MembershipId = m.Id, m.ResidencyProgramDirector, User = u })
            .OrderBy(x => x.User.FullName)
            .Select(x => new RosterEntry(
                x.MembershipId, x.User.FullName, x.User.Email ?? "", x.User.PasswordHash == null, x.ResidencyProgramDirector,
                Db.PracticeAuthorizations.Where(a => a.UserId == x.User.Id).OrderBy(a => a.ListedFrom)
                    .Select(a => new Listing(a.Basis, a.Categories, a.License, a.Verification, a.RejectionReason)).ToList()))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record RosterEntry(
        Guid MembershipId, string Name, string Email, bool InvitationPending, bool ResidencyProgramDirector, List<Listing> Listings);

    public sealed record Listing(string Basis, List<string> Categories, string License, VerificationStatus Verification, string? RejectionReason)
    {
        public string Description =>
            $"10 CFR {Basis}{(Categories.Count > 0 ? $" ({string.Join(", ", Categories)})" : "")} · license {License}";

        public string VerificationInWords => Verification switch
        {
            VerificationStatus.Verified => "Verified by network staff",
            VerificationStatus.FirstCheckDone => "Checked once; waiting for a second staff check",
            VerificationStatus.Rejected => "Not accepted by network staff" + (RejectionReason is null ? "" : $": {RejectionReason}"),
            _ => "Not yet checked by network staff",
        };
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the preceptor's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string? Email { get; set; }

        [Display(Name = "Full name (for a new account)")]
        public string? FullName { get; set; }
    }
}
