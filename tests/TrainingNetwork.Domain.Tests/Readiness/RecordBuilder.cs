using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Tests.Readiness;

/// <summary>
/// Builds trainee records for tests, starting from a complete, qualifying record (the shape of example S01 for 35.396, S32 for 35.390)
/// so that each test changes only what it is about.
/// </summary>
internal sealed class RecordBuilder
{
    public const string TraineeId = "T-STD";
    public const string PreceptorId = "P-LEE";
    public const string License = "24-90001-01";
    public static readonly DateOnly Today = new(2026, 6, 15);

    private TraineeRecord _record;

    private RecordBuilder(TraineeRecord record) => _record = record;

    /// <summary>A 35.490/35.690 radiation oncologist with 80 h, five work elements, three Lu-177 cases and an attestation.</summary>
    public static RecordBuilder Section396() => new(new TraineeRecord
    {
        Pathway = Pathway.Section396,
        Jurisdiction = new Jurisdiction(Regulator.Nrc, "MO"),
        RequestedCategories = [UseCategory.G3],
        EvaluationDate = Today,
        Trainee = new Trainee
        {
            Id = TraineeId,
            AuAuthorizations = [Listing(AuthorizationBasis.Section490, new DateOnly(2019, 8, 1)), Listing(AuthorizationBasis.Section690, new DateOnly(2019, 8, 1))],
        },
        ClassroomTraining = Classroom(16, new DateOnly(2025, 9, 5)),
        WorkExperience = Work(null, new DateOnly(2025, 11, 3)),
        Cases = [Lutetium("C1", new DateOnly(2026, 1, 14)), Lutetium("C2", new DateOnly(2026, 2, 11)), Lutetium("C3", new DateOnly(2026, 3, 11))],
        Preceptors = [Preceptor(PreceptorId, Listing(AuthorizationBasis.Section390, new DateOnly(2012, 3, 1), UseCategory.G1, UseCategory.G2, UseCategory.G3))],
        Attestations = [Attested(PreceptorId, new DateOnly(2026, 4, 1), UseCategory.G3)],
    });

    /// <summary>A 35.390(b) fellow with 220 h classroom + 480 h work experience and three cases each in G1, G2 and G3.</summary>
    public static RecordBuilder Section390() => Section396()
        .With(r => r with
        {
            Pathway = Pathway.Section390,
            RequestedCategories = [UseCategory.G1, UseCategory.G2, UseCategory.G3],
            Trainee = new Trainee { Id = "T-390" },
            ClassroomTraining = Classroom(44, new DateOnly(2025, 8, 5)),
            WorkExperience = Work(96, new DateOnly(2025, 10, 31)),
            Cases =
            [
                Iodine("A1", new DateOnly(2025, 11, 5), 555), Iodine("A2", new DateOnly(2025, 12, 3), 555), Iodine("A3", new DateOnly(2026, 1, 7), 555),
                Iodine("B1", new DateOnly(2025, 11, 12), 3700), Iodine("B2", new DateOnly(2025, 12, 10), 3700), Iodine("B3", new DateOnly(2026, 1, 14), 3700),
                Lutetium("D1", new DateOnly(2026, 1, 20)), Lutetium("D2", new DateOnly(2026, 2, 17)), Lutetium("D3", new DateOnly(2026, 3, 17)),
            ],
            Attestations = [Attested(PreceptorId, new DateOnly(2026, 4, 1), UseCategory.G1, UseCategory.G2, UseCategory.G3)],
        });

    public RecordBuilder With(Func<TraineeRecord, TraineeRecord> change)
    {
        _record = change(_record);
        return this;
    }

    public RecordBuilder Requesting(params UseCategory[] categories) => With(r => r with { RequestedCategories = categories });

    public RecordBuilder UnderLegacyRules(params UseCategory[] categories) => With(r => r with
    {
        RuleSet = RuleSet.Legacy2005,
        Jurisdiction = new Jurisdiction(Regulator.AgreementState, "WA"),
        RequestedCategories = categories,
        Attestations = [.. r.Attestations.Select(a => a with { Categories = categories })],
    });

    public RecordBuilder WithCases(params CaseEntry[] cases) => With(r => r with { Cases = cases });

    public RecordBuilder AddCase(CaseEntry entry) => With(r => r with { Cases = [.. r.Cases, entry] });

    public RecordBuilder ChangeCases(Func<CaseEntry, CaseEntry> change) => With(r => r with { Cases = [.. r.Cases.Select(change)] });

    public RecordBuilder WithClassroom(params ClassroomEntry[] entries) => With(r => r with { ClassroomTraining = entries });

    public RecordBuilder WithPreceptors(params Preceptor[] preceptors) => With(r => r with { Preceptors = preceptors });

    public RecordBuilder AddPreceptor(Preceptor preceptor) => With(r => r with { Preceptors = [.. r.Preceptors, preceptor] });

    public RecordBuilder WithAttestations(params Attestation[] attestations) => With(r => r with { Attestations = attestations });

    public RecordBuilder WithTraineeAuthorizations(params Authorization[] listings) =>
        With(r => r with { Trainee = r.Trainee with { AuAuthorizations = listings } });

    public RecordBuilder WithBoardCertification(DateOnly issued, params string[] recognizedUnder) =>
        With(r => r with { Trainee = r.Trainee with { BoardCertifications = [new BoardCertification("American Board of Radiology", "Radiation Oncology", issued, recognizedUnder)] } });

    public RecordBuilder WithContinuingEducation(DateOnly date) =>
        With(r => r with { ContinuingEducation = [new ContinuingEducation(date, 8, "RPT CME session")] });

    /// <summary>Moves every dated entry by <paramref name="years"/> (negative = older), keeping the evaluation date.</summary>
    public RecordBuilder ShiftEvidence(int years) => With(r => r with
    {
        ClassroomTraining = [.. r.ClassroomTraining.Select(e => e with { Completed = e.Completed.AddYears(years) })],
        WorkExperience = [.. r.WorkExperience.Select(e => e with { Completed = e.Completed.AddYears(years) })],
        Cases = [.. r.Cases.Select(e => e with { Date = e.Date.AddYears(years) })],
        Attestations = [.. r.Attestations.Select(e => e with { Date = e.Date.AddYears(years) })],
    });

    public TraineeRecord Build() => _record;

    public static Authorization Listing(AuthorizationBasis basis, DateOnly from, params UseCategory[] categories) =>
        new() { Basis = basis, Categories = categories, License = License, ListedFrom = from };

    public static Preceptor Preceptor(string id, params Authorization[] listings) =>
        new() { Id = id, Name = $"Dr. {id} (fictional)", Authorizations = listings };

    public static Attestation Attested(string attestorId, DateOnly date, params UseCategory[] categories) =>
        new() { AttestorId = attestorId, Type = AttestationType.PreceptorAu, Date = date, Categories = categories };

    public static CaseEntry Lutetium(string id, DateOnly date) =>
        Therapy(id, date, "Lu-177 dotatate (Lutathera)", "Lu-177", 7400);

    public static CaseEntry Iodine(string id, DateOnly date, decimal activityMbq) =>
        Therapy(id, date, "Sodium iodide I-131 (oral)", "I-131", activityMbq) with { Route = AdministrationRoute.Oral };

    public static CaseEntry Therapy(string id, DateOnly date, string radiopharmaceutical, string nuclide, decimal activityMbq) => new()
    {
        CaseId = id,
        Date = date,
        Radiopharmaceutical = radiopharmaceutical,
        Nuclide = nuclide,
        Route = AdministrationRoute.Intravenous,
        ActivityMbq = activityMbq,
        WrittenDirectiveRequired = true,
        PersonalParticipation = true,
        SupervisorId = PreceptorId,
        License = License,
        SignedOff = true,
        PatientPseudonym = "pt-" + id,
    };

    /// <summary>All five topics, a week apart; <paramref name="hoursEach"/> per topic.</summary>
    public static ClassroomEntry[] Classroom(decimal hoursEach, DateOnly first) =>
        [.. Enum.GetValues<ClassroomTopic>().Select((topic, i) => new ClassroomEntry(topic, hoursEach, first.AddDays(7 * i), "Training-center course", "classroom/laboratory"))];

    private static WorkExperienceEntry[] Work(decimal? hoursEach, DateOnly first) =>
        [.. Enum.GetValues<WorkElement>().Select((element, i) => new WorkExperienceEntry(element, first.AddDays(7 * i), PreceptorId, hoursEach, License))];
}
