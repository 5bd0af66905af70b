using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages.Network.Import;

/// <summary>
/// Staff import physician records in the v1 format (decision 0010): a dry run shows what each entry would create or why it
/// is rejected; importing the same file again creates every entry in one transaction, or nothing.
/// </summary>
[OversizedUpload(RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[IdempotentForm("Import")]
public sealed class IndexModel(
    AppDbContext db, UserManager<ApplicationUser> users, Invitations invitations, PseudonymKey key, TimeProvider clock, IdempotentForms forms)
    : PageModel
{
    private const long RequestLimit = ImportEntry.MaxFileBytes + (64 * 1024);

    private static readonly string TooLarge = $"The file is larger than {ImportEntry.MaxFileBytes / (1024 * 1024)} MB. Split it into smaller files.";

    [BindProperty]
    [Display(Name = "Import file (JSON)")]
    public IFormFile? ImportFile { get; set; }

    /// <summary>The fingerprint of the file the dry run checked; an import of any other file shows that file's dry run instead.</summary>
    [BindProperty]
    public string? CheckedSha256 { get; set; }

    public ImportReport? Report { get; private set; }

    /// <summary>True when an import was asked for and refused: nothing was written.</summary>
    public bool ImportRefused { get; private set; }

    public void OnGet(bool tooLarge)
    {
        if (tooLarge)
        {
            ModelState.AddModelError(nameof(ImportFile), TooLarge);
        }
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is { } content)
        {
            Show(await Importer().CheckAsync(content, User.GetUserId(), ct));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is not { } content)
        {
            return Page();
        }

        if (RecordImport.Fingerprint(content) != CheckedSha256)
        {
            var dryRun = await Importer().CheckAsync(content, User.GetUserId(), ct);
            if (dryRun.FileError is null)
            {
                ModelState.AddModelError(nameof(ImportFile), "This is not the file you checked, so nothing was imported. Here is its dry run; import it from here if it is the right one.");
            }

            Show(dryRun);
            return Page();
        }

        // Saved by the import's own transaction, with everything it creates.
        var done = forms.Add(this, RedirectToPage());
        var (report, created) = await Importer().ImportAsync(content, User.GetUserId(), ct);
        if (created.Count == 0)
        {
            ImportRefused = true;
            Show(report);
            return Page();
        }

        foreach (var physician in created)
        {
            await invitations.SendToNewAccountAsync(Url, Request.Scheme, physician, "Your TrainingNetwork account",
                "Network staff brought your training record into TrainingNetwork, the portal of the national network of " +
                "Authorized User training centers. Sign in to check it, see what you still need and continue your training.");
        }

        TempData["Status"] = $"Imported {created.Count} physician{(created.Count == 1 ? "" : "s")} (file SHA-256 {report.Sha256}): " +
            "accounts, profiles and evidence are saved, imported cases await their preceptors' review, and each physician was sent an invitation to set a password.";
        return done;
    }

    private RecordImport Importer() => new(db, users, key, clock);

    private async Task<byte[]?> ReadAsync(CancellationToken ct)
    {
        if (ImportFile is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(ImportFile), "Choose the import file (JSON).");
            return null;
        }

        if (ImportFile.Length > ImportEntry.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(ImportFile), TooLarge);
            return null;
        }

        using var buffer = new MemoryStream((int)ImportFile.Length);
        await ImportFile.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private void Show(ImportReport report)
    {
        Report = report;
        if (report.FileError is { } error)
        {
            ModelState.AddModelError(nameof(ImportFile), error);
        }
    }
}
