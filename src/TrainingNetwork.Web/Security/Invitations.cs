using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Invitation e-mails. A new account has no password: its e-mail carries Identity's reset-password token as a
/// "set your password" link, valid for a day; after that, "Forgot your password?" sends a fresh one. The address counts
/// as confirmed from the start, because the only way into the account is that token, sent to this address.
/// </summary>
public sealed class Invitations(UserManager<ApplicationUser> users, IEmailSender email)
{
    /// <summary>A new, password-less account for an invitation; create it with <c>UserManager.CreateAsync(user)</c>.</summary>
    public static ApplicationUser NewAccount(string address, string fullName) =>
        new() { UserName = address, Email = address, EmailConfirmed = true, FullName = fullName };

    /// <summary>Tells a new account holder what they were invited to, with the link to set their password.</summary>
    public async Task SendToNewAccountAsync(IUrlHelper url, string scheme, ApplicationUser invitee, string subject, string invitedTo)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(invitee)));
        var link = url.Page("/Account/ResetPassword", pageHandler: null, values: new { area = "Identity", code }, protocol: scheme)!;
        await email.SendEmailAsync(invitee.Email!, subject,
            Greeting(invitee) + $"<p>{HtmlEncoder.Default.Encode(invitedTo)}</p>" +
            $"<p><a href=\"{HtmlEncoder.Default.Encode(link)}\">Set your password</a> with this address ({HtmlEncoder.Default.Encode(invitee.Email!)}), then sign in. " +
            "The link works for one day; after that, use \"Forgot your password?\" on the sign-in page.</p>" +
            "<p>If you did not expect this invitation, you can ignore this message.</p>");
    }

    /// <summary>Tells someone who already has an account what they were given, with a sign-in link.</summary>
    public async Task SendToExistingAccountAsync(IUrlHelper url, string scheme, ApplicationUser invitee, string subject, string invitedTo, string nextStep)
    {
        var signIn = url.Page("/Account/Login", pageHandler: null, values: new { area = "Identity" }, protocol: scheme)!;
        await email.SendEmailAsync(invitee.Email!, subject,
            Greeting(invitee) + $"<p>{HtmlEncoder.Default.Encode(invitedTo)}</p>" +
            $"<p><a href=\"{HtmlEncoder.Default.Encode(signIn)}\">Sign in</a> {HtmlEncoder.Default.Encode(nextStep)}</p>");
    }

    private static string Greeting(ApplicationUser invitee) => $"<p>Dear {HtmlEncoder.Default.Encode(invitee.FullName)},</p>";
}
