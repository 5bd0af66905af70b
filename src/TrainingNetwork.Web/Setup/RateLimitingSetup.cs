using System.Globalization;
using System.Threading.RateLimiting;
using TrainingNetwork.Web.Api;

namespace TrainingNetwork.Web.Setup;

public static class RateLimitingSetup
{
    public const string PublicApi = "public-api";
    public const string AccountForms = "account-forms";

    /// <summary>The Identity pages whose form posts guess or spend secrets: sign-in, second factor, registration, password reset.</summary>
    public static readonly IReadOnlyList<string> AccountPages =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Register",
        "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ResendEmailConfirmation",
    ];

    /// <summary>
    /// The anonymous API and public pages allow RateLimits:PublicApiPerMinute requests per client address (default 60);
    /// each account form (<see cref="AccountPages"/>) RateLimits:AccountPostsPerMinute posts (default 20). Beyond that
    /// the answer is 429 with Retry-After: problem details for the API, the status page for pages. Counters live in this
    /// instance's memory (with several instances each counts alone: docs/security.md).
    /// </summary>
    public static void AddTrainingNetworkRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:PublicApiPerMinute", 60);
        var accountPostsPerMinute = builder.Configuration.GetValue("RateLimits:AccountPostsPerMinute", 20);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicApi, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Reading the forms is free; only posting them counts.
            options.AddPolicy(AccountForms, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    $"{context.Connection.RemoteIpAddress} {context.Request.Path}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = accountPostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejection, ct) =>
            {
                var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = rejection.HttpContext.Response;
                response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                if (!rejection.HttpContext.Request.Path.IsApi())
                {
                    return; // no body: the status code page explains it
                }

                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"This address may evaluate {perMinute} records a minute. Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.")
                    .ExecuteAsync(rejection.HttpContext);
            };
        });
    }
}
