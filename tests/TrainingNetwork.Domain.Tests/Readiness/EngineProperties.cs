using CsCheck;
using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using static TrainingNetwork.Domain.Tests.Readiness.RecordBuilder;

namespace TrainingNetwork.Domain.Tests.Readiness;

public sealed class EngineProperties
{
    private const int Iterations = 400;

    private static readonly (string Radiopharmaceutical, string Nuclide, AdministrationRoute Route)[] Products =
    [
        ("Lu-177 dotatate (Lutathera)", "Lu-177", AdministrationRoute.Intravenous),
        ("Ra-223 dichloride (Xofigo)", "Ra-223", AdministrationRoute.Intravenous),
        ("Y-90 resin microspheres (SIR-Spheres)", "Y-90", AdministrationRoute.IntraArterial),
        ("Ga-68 dotatate (NETSPOT)", "Ga-68", AdministrationRoute.Intravenous),
        ("Sodium iodide I-131 (oral)", "I-131", AdministrationRoute.Oral),
        ("Tb-149 experimental", "Tb-149", AdministrationRoute.Intravenous),
    ];

    private static readonly decimal[] Activities = [4.4m, 555m, 1220m, 1221m, 3700m, 7400m];
    private static readonly decimal[] TopicHours = [0m, 15m, 16m, 40m, 44m];

    private static readonly Preceptor[] Preceptors =
    [
        Preceptor(PreceptorId, Listing(AuthorizationBasis.Section390, new DateOnly(2012, 3, 1), UseCategory.G1, UseCategory.G2, UseCategory.G3, UseCategory.L4)),
        Preceptor("P-396", Listing(AuthorizationBasis.Section396, new DateOnly(2020, 1, 1), UseCategory.G3)),
        Preceptor("P-NEW", Listing(AuthorizationBasis.Section390, new DateOnly(2025, 1, 1), UseCategory.G3) with { ListedUntil = new DateOnly(2026, 3, 1) }),
    ];

    private static readonly Gen<CaseEntry> GenCase = Gen.Select(
        Gen.Int[0, Products.Length - 1], Gen.Int[0, 3300], Gen.Int[0, Activities.Length - 1], Gen.Int[0, 4],
        Gen.Int[0, Preceptors.Length - 1], Gen.Int[0, 9], Gen.Int[0, 9],
        (product, daysAgo, activity, patient, supervisor, signedOff, participation) =>
            Therapy("?", Today.AddDays(-daysAgo), Products[product].Radiopharmaceutical, Products[product].Nuclide, Activities[activity]) with
            {
                Route = Products[product].Route,
                PatientPseudonym = patient == 0 ? null : $"pt-{patient}",
                SupervisorId = Preceptors[supervisor].Id,
                SignedOff = signedOff > 0,
                PersonalParticipation = participation > 0,
            });

    private static readonly Gen<TraineeRecord> GenRecord = Gen.Select(
        Gen.Bool, Gen.Bool, GenCase.Array[0, 9], Gen.Int[0, TopicHours.Length - 1],
        Gen.Int[0, 5], Gen.Bool, Gen.Int[0, 3300],
        (is396, legacy, cases, hoursIndex, workElements, attested, trainingDaysAgo) =>
        {
            var builder = is396 ? Section396() : Section390();
            if (legacy)
            {
                builder.UnderLegacyRules(is396 ? [UseCategory.L3, UseCategory.L4] : [UseCategory.G1, UseCategory.G2, UseCategory.L3, UseCategory.L4]);
            }

            return builder
                .WithPreceptors(Preceptors)
                .WithCases([.. cases.Select((c, i) => c with { CaseId = $"C{i}" })])
                .WithClassroom(Classroom(is396 ? TopicHours[hoursIndex] : TopicHours[hoursIndex] * 5, Today.AddDays(-trainingDaysAgo)))
                .With(r => r with { WorkExperience = [.. r.WorkExperience.Take(workElements)] })
                .With(r => attested ? r : r with { Attestations = [] })
                .Build();
        });

    private static int Rank(ReadinessStatus status) => status switch
    {
        ReadinessStatus.NotQualified => 0,
        ReadinessStatus.NeedsReview => 1,
        ReadinessStatus.Qualified => 2,
        _ => 3,
    };

    [Fact]
    public void AddingCountableCase_never_lowers_any_status()
    {
        GenRecord.Sample(record =>
        {
            var countable = Lutetium("ADDED", Today.AddDays(-30)) with { PatientPseudonym = "pt-added" };
            var before = ReadinessEngine.Evaluate(record).Categories;
            var after = ReadinessEngine.Evaluate(record with { Cases = [.. record.Cases, countable] }).Categories;

            Assert.All(before.Zip(after), pair => Assert.True(Rank(pair.Second.Status) >= Rank(pair.First.Status),
                $"{pair.First.Category}: {pair.First.Status} -> {pair.Second.Status}"));
        }, iter: Iterations);
    }

    [Fact]
    public void RemovingAttestations_never_leaves_a_category_qualified()
    {
        GenRecord.Sample(record =>
        {
            var result = ReadinessEngine.Evaluate(record with { Attestations = [] });

            Assert.DoesNotContain(result.Categories, c => c.Status == ReadinessStatus.Qualified);
        }, iter: Iterations);
    }

    [Fact]
    public void ShufflingEveryInputList_never_changes_the_result()
    {
        Gen.Select(GenRecord, Gen.Int).Sample((record, seed) =>
        {
            var random = new Random(seed);
            T[] Shuffle<T>(IEnumerable<T> items) => [.. items.OrderBy(_ => random.Next())];
            var shuffled = record with
            {
                ClassroomTraining = Shuffle(record.ClassroomTraining),
                WorkExperience = Shuffle(record.WorkExperience),
                Cases = Shuffle(record.Cases),
                Preceptors = Shuffle(record.Preceptors.Select(p => p with { Authorizations = Shuffle(p.Authorizations) })),
                Attestations = Shuffle(record.Attestations.Select(a => a with { Categories = Shuffle(a.Categories) })),
                ContinuingEducation = Shuffle(record.ContinuingEducation),
                Trainee = record.Trainee with { AuAuthorizations = Shuffle(record.Trainee.AuAuthorizations) },
            };

            Assert.Equal(
                ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(record)),
                ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(shuffled)));
        }, iter: Iterations);
    }

    [Fact]
    public void RecordMissingAnyRequirement_is_never_qualified()
    {
        var removals = new Func<TraineeRecord, TraineeRecord>[]
        {
            r => r with { ClassroomTraining = [.. r.ClassroomTraining.Where(e => e.Topic != ClassroomTopic.RadiationBiology)] },
            r => r with { WorkExperience = [.. r.WorkExperience.Where(e => e.Element != WorkElement.CalculateMeasurePrepareDosages)] },
            r => r with { Cases = [.. r.Cases.Take(2)] },
            r => r with { Attestations = [] },
            r => r with { Trainee = r.Trainee with { AuAuthorizations = [] } },
            r => r with { ApplicationDate = r.EvaluationDate.AddYears(20) },
        };

        Gen.Select(GenRecord, Gen.Int[0, removals.Length - 1]).Sample((record, removal) =>
        {
            var result = ReadinessEngine.Evaluate(removals[removal](record));

            // Having no 35.490/35.690 listing removes a requirement of 35.396 only.
            if (removal != 4 || record.Pathway == Pathway.Section396)
            {
                Assert.DoesNotContain(result.Categories, c => c.Status == ReadinessStatus.Qualified);
            }
        }, iter: Iterations);
    }
}
