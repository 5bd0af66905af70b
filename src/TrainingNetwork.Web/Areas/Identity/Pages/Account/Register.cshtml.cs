using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Profile;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Physician self-registration: the account, its Trainee role and the trainee profile are saved together or not at all.
/// The result page is the same whether or not the address already has an account, so the form reveals no accounts.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(
    AppDbContext db, UserManager<ApplicationUser> users, IEmailSender email, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.CheckText("Input.FullName", Input.FullName, 200);
        ModelState.CheckText("Input.Specialty", Input.Specialty, 100);
        ModelState.CheckState("Input.PracticeState", Input.PracticeState);
        if (!RecordCodes.Pathways.TryParse(Input.Pathway, out var pathway))
        {
            ModelState.AddModelError("Input.Pathway", "Choose 35.396 or 35.390.");
        }

        var user = new ApplicationUser { UserName = Input.Email, Email = Input.Email, FullName = TextInput.Clean(Input.FullName ?? "") };
        await CheckPasswordAsync(user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(Input.Email) is { } existing)
        {
            await email.SendEmailAsync(existing.Email!, "You already have a TrainingNetwork account",
                $"<p>Someone, perhaps you, tried to register again with this address. You already have an account: " +
                $"<a href=\"{HtmlEncoder.Default.Encode(PageLink("/Account/Login", null))}\">sign in</a>, or reset your password from the sign-in page.</p>" +
                "<p>If this was not you, you can ignore this message.</p>");
            return RedirectToPage("./RegisterConfirmation");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, Roles.Trainee);
            }

            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(string.Empty, error.Description);
                }

                return Page();
            }

            db.Trainees.Add(new TraineeProfile(
                Guid.CreateVersion7(clock.GetUtcNow()), user.Id, TextInput.Clean(Input.Specialty), Input.PracticeState, pathway));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = PageLink("/Account/ConfirmEmail", new { userId = user.Id, code });
        await email.SendEmailAsync(Input.Email, "Confirm your TrainingNetwork account",
            $"<p>Welcome to TrainingNetwork, {HtmlEncoder.Default.Encode(user.FullName)}.</p>" +
            $"<p>Please confirm your account by <a href=\"{HtmlEncoder.Default.Encode(link)}\">clicking here</a>.</p>");
        return RedirectToPage("./RegisterConfirmation");
    }

    // Checked before the address is looked up, so a weak password is refused whether or not the account exists.
    private async Task CheckPasswordAsync(ApplicationUser user)
    {
        if (string.IsNullOrEmpty(Input.Password))
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in check.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }
    }

    private string PageLink(string page, object? values) =>
        Url.Page(page, pageHandler: null, values: new RouteValueDictionary(values) { ["area"] = "Identity" }, protocol: Request.Scheme)!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name.")]
        [Display(Name = "Full name")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [StringLength(256)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter your specialty.")]
        [Display(Name = "Specialty")]
        public string Specialty { get; set; } = "";

        [Required(ErrorMessage = "Choose the state where you practise.")]
        [Display(Name = "State where you practise")]
        public string PracticeState { get; set; } = "";

        [Display(Name = "Pathway")]
        public string Pathway { get; set; } = "35.396";
    }
}
