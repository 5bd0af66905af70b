using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Reads a posted form before antiforgery validation does, so that a form the server refuses to read gets a page saying
/// why instead of a bare 400: more fields or a longer value than the form limits allow (RequestLimitsSetup, or a page's
/// [RequestFormLimits]), a NUL character (the form reader refuses %00), or a body over the size limit (413).
/// </summary>
public sealed class UnreadableFormFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    private const string View = "/Pages/Shared/FormRefused.cshtml";

    // After [RequestFormLimits] (900), which sets a page's own form limits, and before antiforgery validation (1000).
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            context.Result = Refusal(context, StatusCodes.Status400BadRequest, "This form could not be read",
                "Nothing was saved. The form had more fields than any TrainingNetwork form, a field longer than TrainingNetwork " +
                "accepts, or a character that is not allowed (such as NUL). Open the form again and check what you typed or pasted.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = Refusal(context, e.StatusCode, "This form is too large",
                "Nothing was saved: the form is larger than TrainingNetwork accepts. Open the form again and shorten what you typed or pasted, or attach a smaller file.");
        }
    }

    private static ViewResult Refusal(AuthorizationFilterContext context, int statusCode, string heading, string message) => new()
    {
        ViewName = View,
        StatusCode = statusCode,
        ViewData = new ViewDataDictionary<FormRefusal>(context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>(), context.ModelState)
        {
            Model = new FormRefusal(heading, message, context.HttpContext.Request.PathBase + context.HttpContext.Request.Path),
        },
    };
}
