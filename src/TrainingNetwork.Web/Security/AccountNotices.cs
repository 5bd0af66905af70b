using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity.UI.Services;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Tells the account holder by e-mail when their sign-in settings change (ASVS 7.5.1 / 6.3.7), so a change they did not
/// make does not go unnoticed.
/// </summary>
public sealed class AccountNotices(IEmailSender email, TimeProvider clock)
{
    public const string Subject = "Your TrainingNetwork sign-in settings changed";

    public Task SendAsync(ApplicationUser user, string change) => SendAsync(user, user.Email!, change);

    public Task SendAsync(ApplicationUser user, string address, string change) =>
        email.SendEmailAsync(address, Subject,
            $"""
            <p>Dear {HtmlEncoder.Default.Encode(user.FullName)},</p>
            <p>{HtmlEncoder.Default.Encode(change)} ({clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC).</p>
            <p>If this was not you, reset your password now and tell network staff, who can sign you out everywhere.</p>
            """);
}
