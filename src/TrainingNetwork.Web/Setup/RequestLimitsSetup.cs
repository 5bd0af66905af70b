using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using TrainingNetwork.Web.Api;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// Caps on what a request may carry, with a clear page when a form breaks them (<see cref="UnreadableFormFilter"/>), and
/// the checks every bound form value passes (<see cref="FormTextBinderProvider"/>, <see cref="StrictNumberBinderProvider"/>). Pages that take uploads raise the body and multipart limits for themselves
/// with [RequestSizeLimit] and [RequestFormLimits]; those attributes replace the form limits below for that page.
/// </summary>
public static class RequestLimitsSetup
{
    /// <summary>The largest form, the guided readiness check, posts 65 fields (measured); 500 leaves room without inviting floods.</summary>
    public const int MaxFormValues = 500;

    /// <summary>The longest field name is about 40 characters (Guided.Cases[3].WrittenDirective).</summary>
    public const int MaxFormKeyLength = 200;

    /// <summary>The longest text field takes 4,000 characters: up to 36 KB once percent-encoded as UTF-8.</summary>
    public const int MaxFormValueLength = 64 * 1024;

    /// <summary>The readiness API takes a record of up to 2 MB; every other body without a page limit of its own is a small form.</summary>
    public const long MaxRequestBodyBytes = ReadinessApi.MaxRecordBytes + (64 * 1024);

    public static void AddTrainingNetworkRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = MaxFormValues;
            form.KeyLengthLimit = MaxFormKeyLength;
            form.ValueLengthLimit = MaxFormValueLength;
        });
        // PostConfigure: the framework's binder providers, which these go before, must already be in the list.
        builder.Services.PostConfigure<MvcOptions>(mvc =>
        {
            mvc.Filters.Add(new UnreadableFormFilter());
            InsertBefore<SimpleTypeModelBinderProvider>(mvc, new FormTextBinderProvider());
            InsertBefore<FloatingPointTypeModelBinderProvider>(mvc, new StrictNumberBinderProvider());
        });
    }

    /// <summary>
    /// Answers 405 to any method but GET, HEAD and POST: no page or endpoint takes another, and a page would otherwise
    /// run its GET handler for TRACE or validate an antiforgery token for DELETE.
    /// </summary>
    public static void UseTrainingNetworkRequestLimits(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD, POST";
            return Task.CompletedTask;
        });

    private static void InsertBefore<TFramework>(MvcOptions mvc, IModelBinderProvider provider)
        where TFramework : IModelBinderProvider
    {
        var providers = mvc.ModelBinderProviders;
        providers.Insert(providers.IndexOf(providers.OfType<TFramework>().Single()), provider);
    }
}
