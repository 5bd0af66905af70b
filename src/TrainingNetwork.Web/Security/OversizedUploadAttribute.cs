using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Sends a post whose declared size is over <paramref name="maxRequestBytes"/> back to the page's form with
/// <c>?tooLarge=true</c>, so the person reads a clear message. Without it, antiforgery validation fails to read the
/// oversized form and the answer is a bare 400.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OversizedUploadAttribute(long maxRequestBytes) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // Before [RequestSizeLimit]/[RequestFormLimits] (900) and antiforgery validation (1000).
    public int Order => 0;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.Request.ContentLength > maxRequestBytes)
        {
            context.Result = new RedirectToPageResult(null, new { tooLarge = true });
        }
    }
}
