using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Documents;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Training;

/// <summary>Records one classroom or laboratory course, optionally with its certificate of completion.</summary>
[OversizedUpload(MaxRequestBytes)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[IdempotentForm]
public sealed class AddClassroomModel(AppDbContext db, TimeProvider clock, IdempotentForms forms) : PageModel
{
    // The certificate limit plus room for the other fields; anything larger is refused before the form is read.
    public const long MaxRequestBytes = DocumentUploads.MaxBytes + (1024 * 1024);

    public const decimal MaxHours = 1000m;

    public static string CertificateTooLarge =>
        $"The certificate is larger than {DocumentUploads.MaxBytes / (1024 * 1024)} MB. Choose a smaller PDF, PNG or JPEG file.";

    private const int ProviderMaxLength = 200;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DateOnly Today => clock.Today();

    public void OnGet(string? provider, DateOnly? completedOn, bool tooLarge)
    {
        Input.Provider = provider;
        Input.CompletedOn = completedOn;
        if (tooLarge)
        {
            ModelState.AddModelError("Input.Certificate", CertificateTooLarge);
        }
    }

    public async Task<IActionResult> OnPostAsync(string? next, CancellationToken ct)
    {
        var hours = TrainingInput.ParseHours(Input.Hours, MaxHours);
        if (hours.Error is not null)
        {
            ModelState.AddModelError("Input.Hours", hours.Error);
        }

        if (TrainingInput.DateProblem(Input.CompletedOn, Today) is { } dateProblem)
        {
            ModelState.AddModelError("Input.CompletedOn", dateProblem);
        }

        if (TextInput.Problem(Input.Provider, ProviderMaxLength) is { } providerProblem)
        {
            ModelState.AddModelError("Input.Provider", providerProblem);
        }

        var userId = User.GetUserId();
        var now = clock.GetUtcNow();
        StoredDocument? certificate = null;
        if (Input.Certificate is { Length: > 0 } file)
        {
            (certificate, var error) = await DocumentUploads.ReadAsync(file, userId, now, ct);
            if (error is not null)
            {
                ModelState.AddModelError("Input.Certificate", error);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var profile = await db.Trainees.Include(t => t.Classroom).SingleOrDefaultAsync(t => t.UserId == userId, ct);
        if (profile is null)
        {
            return NotFound();
        }

        if (certificate is not null)
        {
            db.Documents.Add(certificate);
        }

        var provider = TextInput.Clean(Input.Provider!);
        var entry = profile.RecordClassroom(Guid.CreateVersion7(now), Input.Topic!.Value, hours.Hours!.Value, Input.CompletedOn!.Value, provider, certificate?.Id);
        return await forms.SaveAsync(this,
            next == "another" ? RedirectToPage(new { provider, completedOn = entry.CompletedOn.ToString("yyyy-MM-dd") }) : RedirectToPage("./Index"),
            $"Saved {entry.Hours:0.##} clock hours completed on {entry.CompletedOn:yyyy-MM-dd}.", ct);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose the topic.")]
        [Display(Name = "Topic")]
        public ClassroomTopic? Topic { get; set; }

        [Display(Name = "Clock hours")]
        public string? Hours { get; set; }

        [Required(ErrorMessage = "Enter the date you completed the course.")]
        [Display(Name = "Completed on")]
        public DateOnly? CompletedOn { get; set; }

        [Required(ErrorMessage = "Enter who gave the course.")]
        [Display(Name = "Provider")]
        public string? Provider { get; set; }

        [Display(Name = "Certificate of completion (optional)")]
        public IFormFile? Certificate { get; set; }
    }
}
