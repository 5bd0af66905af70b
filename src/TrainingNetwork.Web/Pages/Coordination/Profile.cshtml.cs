using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Profile;

namespace TrainingNetwork.Web.Pages.Coordination;

/// <summary>The coordinator keeps the center's public profile: name, address, licensee, license and regulator, trainee places.</summary>
public sealed class ProfileModel(AppDbContext db, TimeProvider clock, Waitlist waitlist) : CoordinatedCenterPage(db)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var current = await MyCenter().Select(c => new InputModel
        {
            Name = c.Name,
            Address = c.Address,
            City = c.City,
            State = c.State,
            Regulator = c.Regulator == Regulator.Nrc ? "NRC" : "AGREEMENT_STATE",
            Licensee = c.Licensee,
            LicenseNumber = c.LicenseNumber,
            TraineeSlots = c.TraineeSlots.ToString(),
        }).SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return NotFound();
        }

        Input = current;
        CenterName = current.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var center = await MyCenter().SingleOrDefaultAsync(ct);
        if (center is null)
        {
            return NotFound();
        }

        ModelState.CheckText("Input.Name", Input.Name, 200);
        ModelState.CheckText("Input.Address", Input.Address, 300);
        ModelState.CheckText("Input.City", Input.City, 100);
        ModelState.CheckText("Input.Licensee", Input.Licensee, 200);
        ModelState.CheckText("Input.LicenseNumber", Input.LicenseNumber, 60);
        ModelState.CheckState("Input.State", Input.State);
        var (slots, slotsError) = CountInput.Parse(Input.TraineeSlots, Center.MaxTraineeSlots);
        if (slotsError is not null)
        {
            ModelState.AddModelError("Input.TraineeSlots", slotsError);
        }

        var stateRegulator = UsState.IsValid(Input.State)
            ? (await Db.JurisdictionInForceAsync(UsState.Normalize(Input.State), clock.Today(), ct)).Regulator
            : Regulator.Nrc;
        if (!RecordCodes.Regulators.TryParse(Input.Regulator ?? "", out var regulator))
        {
            ModelState.AddModelError("Input.Regulator", "Choose the NRC or an Agreement State.");
        }
        else if (regulator == Regulator.AgreementState && UsState.IsValid(Input.State) && stateRegulator != Regulator.AgreementState)
        {
            ModelState.AddModelError("Input.Regulator", $"{Input.State.ToUpperInvariant()} is not an Agreement State: the NRC licenses its centers.");
        }

        CenterName = center.Name;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        center.UpdateProfile(
            TextInput.Clean(Input.Name), TextInput.Clean(Input.Address), TextInput.Clean(Input.City), Input.State, regulator,
            TextInput.Clean(Input.Licensee), TextInput.Clean(Input.LicenseNumber), slots!.Value, stateRegulator);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            ModelState.AddModelError("Input.Name", "Another center in the network already has this name.");
            return Page();
        }

        await waitlist.RunAfterSaveAsync(ct);
        TempData["Status"] = "The center profile was saved.";
        return RedirectToPage(new { centerId = CenterId });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the center's name.")]
        [Display(Name = "Center name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the street address.")]
        [Display(Name = "Street address")]
        public string Address { get; set; } = "";

        [Required(ErrorMessage = "Enter the city.")]
        [Display(Name = "City")]
        public string City { get; set; } = "";

        [Required(ErrorMessage = "Choose the state.")]
        [Display(Name = "State")]
        public string State { get; set; } = "";

        [Display(Name = "Regulator")]
        public string? Regulator { get; set; }

        [Required(ErrorMessage = "Enter the licensee named on the license.")]
        [Display(Name = "Licensee")]
        public string Licensee { get; set; } = "";

        [Required(ErrorMessage = "Enter the license number.")]
        [Display(Name = "License number")]
        public string LicenseNumber { get; set; } = "";

        [Display(Name = "Trainee places")]
        public string? TraineeSlots { get; set; }
    }
}
