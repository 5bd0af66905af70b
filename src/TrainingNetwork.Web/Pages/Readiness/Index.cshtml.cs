using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Web.Api;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Readiness;

/// <summary>The public readiness checker: a record pasted, uploaded or described in the guided form, evaluated and never stored.</summary>
[EnableRateLimiting(RateLimitingSetup.PublicApi)]
[RequestSizeLimit(ReadinessApi.MaxRecordBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ReadinessApi.MaxRecordBytes + (64 * 1024))]
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    [BindProperty]
    public GuidedRecordInput Guided { get; set; } = new();

    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? RecordJson { get; set; }

    [BindProperty]
    public IFormFile? RecordFile { get; set; }

    public ReadinessResult? Result { get; private set; }

    public IReadOnlyList<RecordError> RecordErrors { get; private set; } = [];

    public void OnGet() => Guided.EvaluationDate = clock.Today();

    public IActionResult OnPostGuided()
    {
        foreach (var (field, message) in ModelState.IsValid ? Guided.Validate() : [])
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Result = ReadinessEngine.Evaluate(Guided.ToRecord());
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        ModelState.Clear();
        string? json = RecordJson;
        if (RecordFile is { Length: > 0 })
        {
            if (RecordFile.Length > ReadinessApi.MaxRecordBytes)
            {
                RecordErrors = [new RecordError("$", $"The file is larger than {ReadinessApi.MaxRecordBytes / (1024 * 1024)} MB.")];
                return Page();
            }

            using var reader = new StreamReader(RecordFile.OpenReadStream());
            json = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            RecordErrors = [new RecordError("$", "Paste a trainee record (JSON) or choose a file.")];
            return Page();
        }

        var parsed = TraineeRecordJson.Parse(json);
        if (parsed.Succeeded)
        {
            Result = ReadinessEngine.Evaluate(parsed.Record!);
        }
        else
        {
            RecordErrors = parsed.Errors;
        }

        return Page();
    }
}
