namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>One trainee on one pathway: trainee-record v1. Build it in code with an object initializer or parse it with <see cref="TraineeRecordJson"/>.</summary>
public sealed record TraineeRecord
{
    public const string FormatName = "trainingnetwork.trainee-record";
    public const int FormatVersion = 1;

    public required Pathway Pathway { get; init; }
    public RuleSet RuleSet { get; init; } = RuleSet.Nrc2019;
    public required Jurisdiction Jurisdiction { get; init; }
    public required IReadOnlyList<UseCategory> RequestedCategories { get; init; }

    /// <summary>"Today" for the evaluation: nothing dated after it counts.</summary>
    public required DateOnly EvaluationDate { get; init; }

    /// <summary>The date 35.59 recentness is measured from; null means the evaluation date.</summary>
    public DateOnly? ApplicationDate { get; init; }

    public required Trainee Trainee { get; init; }
    public IReadOnlyList<ClassroomEntry> ClassroomTraining { get; init; } = [];
    public IReadOnlyList<WorkExperienceEntry> WorkExperience { get; init; } = [];
    public IReadOnlyList<CaseEntry> Cases { get; init; } = [];
    public IReadOnlyList<Preceptor> Preceptors { get; init; } = [];
    public IReadOnlyList<Attestation> Attestations { get; init; } = [];
    public IReadOnlyList<ContinuingEducation> ContinuingEducation { get; init; } = [];

    public DateOnly EffectiveApplicationDate => ApplicationDate ?? EvaluationDate;
}

public sealed record Jurisdiction(Regulator Regulator, string State);

public sealed record Trainee
{
    public required string Id { get; init; }
    public string Specialty { get; init; } = "";
    public IReadOnlyList<Authorization> AuAuthorizations { get; init; } = [];
    public IReadOnlyList<BoardCertification> BoardCertifications { get; init; } = [];
}

/// <summary>An AU listing held by a trainee or a preceptor.</summary>
public sealed record Authorization
{
    public required AuthorizationBasis Basis { get; init; }
    public IReadOnlyList<UseCategory> Categories { get; init; } = [];
    public string License { get; init; } = "";
    public Regulator Regulator { get; init; } = Regulator.Nrc;
    public string? State { get; init; }
    public AuthorizationStatus Status { get; init; } = AuthorizationStatus.Listed;
    public required DateOnly ListedFrom { get; init; }

    /// <summary>Last day listed; null while still listed.</summary>
    public DateOnly? ListedUntil { get; init; }
}

/// <summary><c>RecognizedUnder</c> holds section codes such as "35.390"; empty when the certificate is not NRC-recognized.</summary>
public sealed record BoardCertification(string Board, string Specialty, DateOnly Issued, IReadOnlyList<string> RecognizedUnder);

public sealed record ClassroomEntry(ClassroomTopic Topic, decimal Hours, DateOnly Completed, string Provider = "", string Delivery = "");

public sealed record WorkExperienceEntry(WorkElement Element, DateOnly Completed, string SupervisorId, decimal? Hours = null, string License = "");

public sealed record CaseEntry
{
    public required string CaseId { get; init; }
    public required DateOnly Date { get; init; }
    public required string Radiopharmaceutical { get; init; }
    public required string Nuclide { get; init; }
    public required AdministrationRoute Route { get; init; }
    public required decimal ActivityMbq { get; init; }
    public required bool WrittenDirectiveRequired { get; init; }
    public required bool PersonalParticipation { get; init; }
    public required string SupervisorId { get; init; }
    public string License { get; init; } = "";
    public required bool SignedOff { get; init; }

    /// <summary>An opaque centre-local token, never a name or MRN; null when unknown.</summary>
    public string? PatientPseudonym { get; init; }
}

public sealed record Preceptor
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public bool ResidencyProgramDirector { get; init; }
    public IReadOnlyList<Authorization> Authorizations { get; init; } = [];
}

public sealed record Attestation
{
    public required string AttestorId { get; init; }
    public required AttestationType Type { get; init; }
    public required DateOnly Date { get; init; }
    public required IReadOnlyList<UseCategory> Categories { get; init; }
    public string? ConcurringFacultyId { get; init; }
}

public sealed record ContinuingEducation(DateOnly Date, decimal? Hours, string Description);
