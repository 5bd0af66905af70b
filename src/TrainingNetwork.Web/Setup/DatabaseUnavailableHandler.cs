using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using TrainingNetwork.Web.Api;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Setup;

/// <summary>
/// Answers a request that failed because PostgreSQL is unreachable with 503 and Retry-After, never 500: pages get a
/// static page (rendering a Razor page would sign the user in again, which reads the database), /api gets problem JSON.
/// One warning is logged; <see cref="OutageLogFilter"/> drops the stack traces the same failure leaves on its way out.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!exception.IsDatabaseUnavailable())
        {
            return false;
        }

        // UseExceptionHandler has already pointed the request at /Error; the feature keeps the address asked for.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        var correlationId = context.TraceIdentifier;
        LogUnavailable(logger, context.Request.Method, path, correlationId, Innermost(exception).Message);

        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.Headers[LoggingSetup.CorrelationHeader] = correlationId;
        if (new PathString(path).IsApi())
        {
            await Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The service is temporarily unavailable.",
                detail: $"The database cannot be reached; nothing was saved. Send the request again after {RetryAfterSeconds} seconds.",
                extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId }).ExecuteAsync(context);
        }
        else
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(DatabaseUnavailablePage.Html(context.Request.PathBase, correlationId), cancellationToken);
        }

        return true;
    }

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is null ? exception : Innermost(exception.InnerException);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Database unavailable: {Method} {Path} answered 503 ({Reason}); correlation id {CorrelationId}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string correlationId, string reason);
}

/// <summary>What a person sees when the database is unreachable; the 503 status page says the same.</summary>
public static class DatabaseUnavailablePage
{
    public const string Heading = "Nothing was saved";

    public const string Explanation =
        "TrainingNetwork cannot reach its database at the moment, so your request was not completed and nothing was saved. " +
        "Go back with your browser's Back button (what you typed is still in the form) and try again in a few seconds.";

    /// <summary>The page, static: it needs neither the database nor anything the layout reads per user.</summary>
    public static string Html(PathString pathBase, string correlationId)
    {
        var root = HtmlEncoder.Default.Encode(pathBase.Add("/").Value!);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <title>{Heading} · TrainingNetwork</title>
                <link rel="stylesheet" href="{root}lib/bootstrap/bootstrap.min.css" />
                <link rel="stylesheet" href="{root}css/site.css" />
            </head>
            <body class="d-flex flex-column min-vh-100">
                <header>
                    <nav class="navbar navbar-dark bg-brand" aria-label="Main">
                        <div class="container"><a class="navbar-brand fw-semibold" href="{root}">TrainingNetwork</a></div>
                    </nav>
                </header>
                <main id="main" class="container flex-grow-1 py-4">
                    <h1 class="h3">{Heading}</h1>
                    <p>{Explanation}</p>
                    <p class="text-body-secondary small">Reference: <code>{HtmlEncoder.Default.Encode(correlationId)}</code></p>
                    <a class="btn btn-outline-primary" href="{root}">Back to your home page</a>
                </main>
            </body>
            </html>
            """;
    }
}
