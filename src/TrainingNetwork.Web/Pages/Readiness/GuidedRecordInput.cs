using System.ComponentModel.DataAnnotations;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Pages.Cases;

namespace TrainingNetwork.Web.Pages.Readiness;

/// <summary>The short form for the common case: a physician on the 35.396 pathway asking for (G)(3).</summary>
public sealed class GuidedRecordInput
{
    public const int CaseRows = 4;

    [Required(ErrorMessage = "Enter the date to check against.")]
    [Display(Name = "Check as of")]
    public DateOnly? EvaluationDate { get; set; }

    [Required(ErrorMessage = "Enter the two-letter state of the license you will be listed on.")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter state code, for example MO.")]
    [Display(Name = "State of the license")]
    public string State { get; set; } = "";

    [Display(Name = "Regulator")]
    public Regulator Regulator { get; set; } = Regulator.Nrc;

    [Display(Name = "I am already an AU under")]
    public string PriorAuthorization { get; set; } = "none";

    [Display(Name = "Listed since")]
    public DateOnly? PriorAuthorizationSince { get; set; }

    public decimal?[] TopicHours { get; set; } = new decimal?[5];

    [Display(Name = "Classroom training completed on")]
    public DateOnly? ClassroomCompleted { get; set; }

    public bool[] WorkElementsDone { get; set; } = new bool[5];

    [Display(Name = "My preceptor has been listed as an AU for (G)(3) since")]
    public DateOnly? PreceptorListedSince { get; set; }

    public CaseRow[] Cases { get; set; } = [.. Enumerable.Range(0, CaseRows).Select(_ => new CaseRow())];

    [Display(Name = "My preceptor signed the attestation on")]
    public DateOnly? AttestedOn { get; set; }

    public sealed class CaseRow
    {
        public DateOnly? Date { get; set; }

        public string? Agent { get; set; }

        [Range(typeof(decimal), "0.001", "1000000", ErrorMessage = "Activity must be between 0.001 and 1,000,000 MBq.")]
        public decimal? ActivityMbq { get; set; }

        public bool WrittenDirective { get; set; } = true;

        public bool Participated { get; set; } = true;

        public bool SignedOff { get; set; }

        public bool IsEmpty => Date is null && string.IsNullOrEmpty(Agent) && ActivityMbq is null;
    }

    public static IReadOnlyList<Radiopharmaceutical> Agents => RadiopharmaceuticalCatalogue.All;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        for (var i = 0; i < Cases.Length; i++)
        {
            var row = Cases[i];
            if (row.IsEmpty)
            {
                continue;
            }

            if (row.Date is null || row.ActivityMbq is null || Agents.All(a => a.Name != row.Agent))
            {
                yield return ($"Guided.Cases[{i}].Date", $"Case {i + 1}: give its date, radiopharmaceutical and activity, or leave the whole row empty.");
            }
        }

        if (PriorAuthorization != "none" && PriorAuthorizationSince is null)
        {
            yield return ("Guided.PriorAuthorizationSince", "Enter the date your existing AU listing began.");
        }
    }

    public TraineeRecord ToRecord()
    {
        const string preceptorId = "preceptor";
        var evaluationDate = EvaluationDate!.Value;
        var preceptorSince = PreceptorListedSince ?? evaluationDate.AddYears(-10);
        var classroomDate = ClassroomCompleted ?? evaluationDate;
        return new TraineeRecord
        {
            Pathway = Pathway.Section396,
            Jurisdiction = new Jurisdiction(Regulator, State.ToUpperInvariant()),
            RequestedCategories = [UseCategory.G3],
            EvaluationDate = evaluationDate,
            Trainee = new Trainee
            {
                Id = "you",
                AuAuthorizations = PriorAuthorization switch
                {
                    "35.490" => [new Authorization { Basis = AuthorizationBasis.Section490, ListedFrom = PriorAuthorizationSince!.Value }],
                    "35.690" => [new Authorization { Basis = AuthorizationBasis.Section690, ListedFrom = PriorAuthorizationSince!.Value }],
                    _ => [],
                },
            },
            ClassroomTraining = [.. Enum.GetValues<ClassroomTopic>()
                .Where(topic => TopicHours[(int)topic] > 0)
                .Select(topic => new ClassroomEntry(topic, TopicHours[(int)topic]!.Value, classroomDate))],
            WorkExperience = [.. Enum.GetValues<WorkElement>()
                .Where(element => WorkElementsDone[(int)element])
                .Select(element => new WorkExperienceEntry(element, classroomDate, preceptorId))],
            Cases = [.. Cases.Select((row, i) => (row, i)).Where(x => !x.row.IsEmpty).Select(x => ToCase(x.row, x.i, preceptorId))],
            Preceptors =
            [
                new Domain.Readiness.Records.Preceptor
                {
                    Id = preceptorId,
                    Name = "Your preceptor",
                    Authorizations = [new Authorization { Basis = AuthorizationBasis.Section390, Categories = [UseCategory.G3], ListedFrom = preceptorSince }],
                },
            ],
            Attestations = AttestedOn is { } attested
                ? [new Attestation { AttestorId = preceptorId, Type = AttestationType.PreceptorAu, Date = attested, Categories = [UseCategory.G3] }]
                : [],
        };
    }

    private static CaseEntry ToCase(CaseRow row, int index, string supervisorId)
    {
        var agent = Agents.First(a => a.Name == row.Agent);
        return new CaseEntry
        {
            CaseId = $"Case {index + 1}",
            Date = row.Date!.Value,
            Radiopharmaceutical = agent.Name,
            Nuclide = CaseInput.NuclideOf(agent),
            Route = agent.UsualRoute,
            ActivityMbq = row.ActivityMbq!.Value,
            WrittenDirectiveRequired = row.WrittenDirective,
            PersonalParticipation = row.Participated,
            SupervisorId = supervisorId,
            SignedOff = row.SignedOff,
            PatientPseudonym = $"patient-{index + 1}",
        };
    }
}
