using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Identity UI's second sign-in step and external-login callback throw when no such sign-in is in progress (a bookmarked
/// address, a back button): send the browser to where that flow starts instead of an error page.
/// </summary>
public sealed class PendingSignInRequired : IAsyncPageFilter
{
    public static readonly IReadOnlyList<string> Pages = ["/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Manage/ExternalLogins"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
        if (context.ActionDescriptor.ViewEnginePath == "/Account/Manage/ExternalLogins")
        {
            if (context.HandlerMethod?.Name == "LinkLoginCallback"
                && await signIn.GetExternalLoginInfoAsync(signIn.UserManager.GetUserId(context.HttpContext.User)) is null)
            {
                context.Result = new RedirectToPageResult("/Account/Manage/ExternalLogins", new { area = "Identity" });
                return;
            }
        }
        else if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            context.Result = new RedirectToPageResult("/Account/Login", new { area = "Identity" });
            return;
        }

        await next();
    }
}

/// <summary>
/// Accounts are disabled, never deleted: signed records, the cases they rest on and the audit trail outlive the account
/// (10 CFR 35.5). Identity UI's "delete personal data" page answers 404.
/// </summary>
public sealed class AccountDeletionOff : IAsyncPageFilter
{
    public const string Page = "/Account/Manage/DeletePersonalData";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        context.Result = new NotFoundResult();
        return Task.CompletedTask;
    }
}
