using System.Globalization;
using System.Threading.RateLimiting;

namespace TrainingNetwork.Web.Setup;

public static class RateLimitingSetup
{
    public const string PublicApi = "public-api";

    /// <summary>
    /// The anonymous API allows RateLimits:PublicApiPerMinute requests per client address (default 60), answering 429
    /// with Retry-After beyond that. Counters live in this instance's memory.
    /// </summary>
    public static void AddTrainingNetworkRateLimits(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:PublicApiPerMinute", 60);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicApi, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejection, ct) =>
            {
                var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = rejection.HttpContext.Response;
                response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"This address may evaluate {perMinute} records a minute. Try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.")
                    .ExecuteAsync(rejection.HttpContext);
            };
        });
    }
}
