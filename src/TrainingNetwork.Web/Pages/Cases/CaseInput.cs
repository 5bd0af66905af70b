using System.ComponentModel.DataAnnotations;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Web.Pages.Cases;

/// <summary>
/// What a physician types about one supervised case. There is deliberately no field for a patient's name, record
/// number, date of birth, address or contact details: the only patient reference is a center-local pseudonym.
/// </summary>
public sealed class CaseInput
{
    public const int NoteMaxLength = 1000;

    /// <summary>Where the case was logged; used when logging, since a case never moves to another center.</summary>
    [Display(Name = "Center")]
    public Guid CenterId { get; set; }

    [Required(ErrorMessage = "Choose the preceptor who supervised this case.")]
    [Display(Name = "Supervising preceptor")]
    public string? SupervisorUserId { get; set; }

    [Required(ErrorMessage = "Enter the date of the administration.")]
    [Display(Name = "Date of administration")]
    public DateOnly? AdministeredOn { get; set; }

    [Required(ErrorMessage = "Choose the radiopharmaceutical.")]
    [Display(Name = "Radiopharmaceutical")]
    public string? Agent { get; set; }

    [Display(Name = "Activity administered")]
    public string? ActivityAmount { get; set; }

    [Display(Name = "Unit")]
    public ActivityUnit ActivityUnit { get; set; } = ActivityUnit.MBq;

    [Display(Name = "A written directive was required (10 CFR 35.40)")]
    public bool WrittenDirectiveRequired { get; set; } = true;

    [Display(Name = "I took part personally (preparing, measuring and administering)")]
    public bool PersonalParticipation { get; set; } = true;

    [Display(Name = "Patient pseudonym (optional)")]
    public string? PatientPseudonym { get; set; }

    [Display(Name = "Note (optional)")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>The case's version when the edit form was opened; Edit only, so a stale edit cannot overwrite a newer one.</summary>
    public long Version { get; set; }

    public static IReadOnlyList<Radiopharmaceutical> Agents => RadiopharmaceuticalCatalogue.All;

    // Y-90 microspheres are the catalogue's only product without a single nuclide.
    public static string NuclideOf(Radiopharmaceutical agent) => agent.Nuclide ?? "Y-90";

    public static string RouteName(AdministrationRoute route) => route switch
    {
        AdministrationRoute.IntraArterial => "intra-arterial",
        AdministrationRoute.OtherParenteral => "other parenteral",
        _ => route.ToString().ToLowerInvariant(),
    };

    public static string UnitName(ActivityUnit unit) => unit == ActivityUnit.MCi ? "mCi" : unit.ToString();
}
