using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Api;

/// <summary>POST /api/v1/readiness/evaluate: evaluates a trainee record (v1) without storing anything.</summary>
public static class ReadinessApi
{
    public const int MaxRecordBytes = 2 * 1024 * 1024;

    public static void MapReadinessApi(this WebApplication app) =>
        app.MapPost("/api/v1/readiness/evaluate", EvaluateAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitingSetup.PublicApi)
            .WithName("EvaluateReadiness")
            .WithTags("Readiness")
            .WithSummary("Evaluate a trainee record against 10 CFR 35.396 / 35.390")
            .WithDescription(
                "Send one trainingnetwork.trainee-record (version 1) as the application/json request body. The answer is a trainingnetwork.readiness-result: " +
                "per requested category QUALIFIED, NOT_QUALIFIED, NEEDS_REVIEW or ALREADY_AUTHORIZED, with a reason code and citation " +
                "for every unmet requirement (format: docs/spec/trainee-record-v1.md). Nothing is stored. Invalid records get one 400 problem listing every error with its JSON path.")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> EvaluateAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the record as application/json.");
        }

        var body = await ReadBoundedAsync(request, ct);
        if (body is null)
        {
            return TooLarge();
        }

        var parsed = TraineeRecordJson.Parse(body);
        if (!parsed.Succeeded)
        {
            return InvalidRecord(parsed.Errors);
        }

        var result = ReadinessEngine.Evaluate(parsed.Record!);
        return Results.Text(ReadinessResultJson.Serialize(result, indented: false), "application/json");
    }

    /// <summary>One 400 naming every problem by its JSON path, as RFC 7807 problem details.</summary>
    public static ProblemHttpResult InvalidRecord(IReadOnlyList<RecordError> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The record is not a valid trainee record (v1).",
            detail: $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")} found; nothing was evaluated.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToList() });

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The record is too large.",
            detail: $"A trainee record may be at most {MaxRecordBytes / (1024 * 1024)} MB.");

    /// <summary>Reads the body, or null once it passes the limit, without trusting Content-Length.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxRecordBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxRecordBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
