using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Profile;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Admin;

/// <summary>
/// The only way to become network staff or an admin. An address without an account gets one, with no password and an
/// e-mail to set it (<see cref="Invitations"/>); an existing account gets the role and an e-mail saying so. The account,
/// the role and the audit entry are written in one transaction; the e-mail goes out once they are.
/// </summary>
[IdempotentForm]
public sealed class InviteModel(AppDbContext db, UserManager<ApplicationUser> users, Invitations invitations, IdempotentForms forms) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public void OnGet(string? email, string? role)
    {
        Input.Email = email;
        Input.Role = AccountRoles.ByInvitation.Contains(role) ? role! : Roles.Staff;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.CheckText("Input.FullName", Input.FullName, 200);
        if (!AccountRoles.ByInvitation.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Choose network staff or administrator.");
        }

        var address = Input.Email?.Trim() ?? "";
        var existing = ModelState.GetFieldValidationState("Input.Email") == ModelValidationState.Valid ? await users.FindByEmailAsync(address) : null;
        var before = existing is null ? null : await users.SortedAsync(existing);
        if (existing is null && ModelState.GetFieldValidationState("Input.Email") == ModelValidationState.Valid && string.IsNullOrWhiteSpace(Input.FullName))
        {
            ModelState.AddModelError("Input.FullName", "Enter the person's full name: this address has no account yet.");
        }

        if (existing is not null && before!.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Email", $"{existing.FullName} already has the {AccountRoles.InWords(Input.Role)} role.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var invitee = existing ?? Invitations.NewAccount(address, TextInput.Clean(Input.FullName!));
        var done = forms.Add(this, RedirectToPage("/Admin/Account", new { userId = invitee.Id }));
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var result = existing is null ? await users.CreateAsync(invitee) : IdentityResult.Success;
            if (result.Succeeded)
            {
                result = existing is null
                    ? await users.GrantAsync(db, User.GetUserId(), invitee, Input.Role, null, AuditAction.AccountInvited,
                        $"{invitee.FullName} invited as {RoleName} (new account)")
                    : await users.GrantAsync(db, User.GetUserId(), invitee, Input.Role, before, AuditAction.RoleGranted,
                        $"{AccountRoles.InWords(Input.Role)} role granted to {invitee.FullName} by invitation");
            }

            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError("Input.Email", error.Description);
                }

                db.ChangeTracker.Clear();
                return Page();
            }

            await transaction.CommitAsync(ct);
        }

        await SendAsync(invitee, isNew: existing is null);
        TempData["Status"] = existing is null
            ? $"{invitee.FullName} was invited as {RoleName}: an e-mail to {address} lets them set a password."
            : $"{invitee.FullName} is now {RoleName} and was told by e-mail.";
        return done;
    }

    private string RoleName => Input.Role == Roles.Admin ? "an administrator" : "network staff";

    private Task SendAsync(ApplicationUser invitee, bool isNew) =>
        isNew
            ? invitations.SendToNewAccountAsync(Url, Request.Scheme, invitee, $"Invitation: {RoleName} on TrainingNetwork",
                $"The TrainingNetwork administrators invited you to join the network as {RoleName}.")
            : invitations.SendToExistingAccountAsync(Url, Request.Scheme, invitee, $"You are now {RoleName} on TrainingNetwork",
                $"The TrainingNetwork administrators made you {RoleName}.",
                Input.Role == Roles.Admin ? "to manage accounts and roles." : "to open the network staff pages.");

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the person's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string? Email { get; set; }

        [Display(Name = "Full name (for a new account)")]
        public string? FullName { get; set; }

        [Display(Name = "Role")]
        public string Role { get; set; } = Roles.Staff;
    }
}
