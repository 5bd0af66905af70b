using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Profile;

/// <summary>The physician's specialty board certificates and the sections NRC recognizes them under.</summary>
[IdempotentForm("Add")]
public sealed class BoardsModel(AppDbContext db, TimeProvider clock, IdempotentForms forms) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<BoardRow> Boards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await db.TraineeIdOfAsync(User, ct) is { } traineeId ? await ShowAsync(traineeId, ct) : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await db.TraineeIdOfAsync(User, ct) is not { } traineeId)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        ModelState.CheckText("Input.Board", Input.Board, 200);
        ModelState.CheckText("Input.Specialty", Input.Specialty, 200);
        if (Input.IssuedOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            ModelState.AddModelError("Input.IssuedOn", "The issue date cannot be in the future.");
        }

        if (Input.RecognizedUnder.Any(section => !BoardCertificate.RecognizableSections.Contains(section)))
        {
            ModelState.AddModelError("Input.RecognizedUnder", "Choose sections from the list.");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(traineeId, ct);
        }

        db.BoardCertificates.Add(new BoardCertificate(
            Guid.CreateVersion7(now), traineeId, TextInput.Clean(Input.Board), TextInput.Clean(Input.Specialty), Input.IssuedOn!.Value, Input.RecognizedUnder));
        return await forms.SaveAsync(this, RedirectToPage(), "Your board certificate was added.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        var traineeId = await db.TraineeIdOfAsync(User, ct);
        var board = await db.BoardCertificates.SingleOrDefaultAsync(b => b.Id == id && b.TraineeId == traineeId, ct);
        if (board is null)
        {
            return NotFound();
        }

        db.BoardCertificates.Remove(board);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "The board certificate was removed.";
        return RedirectToPage();
    }

    private async Task<PageResult> ShowAsync(Guid traineeId, CancellationToken ct)
    {
        Boards = await db.BoardCertificates.Where(b => b.TraineeId == traineeId)
            .OrderByDescending(b => b.IssuedOn)
            .Select(b => new BoardRow(b.Id, b.Board, b.Specialty, b.IssuedOn, b.RecognizedUnder))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record BoardRow(Guid Id, string Board, string Specialty, DateOnly IssuedOn, IReadOnlyList<string> RecognizedUnder);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the certifying board.")]
        [Display(Name = "Board")]
        public string Board { get; set; } = "";

        [Required(ErrorMessage = "Enter the specialty certified.")]
        [Display(Name = "Specialty")]
        public string Specialty { get; set; } = "";

        [Required(ErrorMessage = "Enter the date the certificate was issued.")]
        [DataType(DataType.Date)]
        [Display(Name = "Issued on")]
        public DateOnly? IssuedOn { get; set; }

        public List<string> RecognizedUnder { get; set; } = [];
    }
}
