using Microsoft.AspNetCore.Mvc.Filters;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages;

/// <summary>
/// Marks a page's create or sign handlers: every POST handler, or those named. Each needs the idempotency key its form
/// carries (<c>&lt;partial name="_IdempotencyKey" /&gt;</c>) and runs at most once per key (<see cref="IdempotentForms"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IdempotentFormAttribute(params string[] handlers) : Attribute, IAsyncPageFilter
{
    /// <summary>The handlers covered, by name (e.g. "Add" for OnPostAddAsync); none named means every POST handler.</summary>
    public IReadOnlyList<string> Handlers { get; } = handlers;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && (Handlers.Count == 0 || Handlers.Contains(context.HandlerMethod?.Name)))
        {
            await context.HttpContext.RequestServices.GetRequiredService<IdempotentForms>().RunOnceAsync(context, next);
        }
        else
        {
            await next();
        }
    }
}
