using TrainingNetwork.Domain.Readiness;
using TrainingNetwork.Domain.Readiness.Catalogue;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using static TrainingNetwork.Domain.Tests.Readiness.RecordBuilder;

namespace TrainingNetwork.Domain.Tests.Readiness;

public sealed class EngineRuleTests
{
    private static readonly DateOnly CaseDay = new(2026, 1, 14);
    private static readonly string[] CaseIds = ["C1", "C2", "C3"];

    [Fact]
    public void Baseline396_complete_record_is_qualified()
    {
        var result = Section396().Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
        Assert.Equal("10 CFR 35.396(a)(2)", result.Eligibility.Basis);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(79.5, ReadinessStatus.NotQualified)]
    [InlineData(80, ReadinessStatus.Qualified)]
    public void Classroom396_hours_at_the_80_hour_boundary_decide(double total, ReadinessStatus expected)
    {
        var hours = (decimal)total;
        var result = Section396().WithClassroom([.. Classroom(16, new DateOnly(2025, 9, 5))[..4], new ClassroomEntry(ClassroomTopic.RadiationBiology, hours - 64, new DateOnly(2025, 9, 30))]).Evaluate();

        Assert.Equal(expected, result.Category(UseCategory.G3).Status);
        Assert.Equal(expected == ReadinessStatus.Qualified ? [] : ["CLASSROOM_HOURS"], result.Category(UseCategory.G3).Unmet.Codes());
    }

    [Theory]
    [InlineData(199.5, new[] { "CLASSROOM_HOURS" })]
    [InlineData(200, new string[0])]
    public void Classroom390_hours_at_the_200_hour_boundary_decide(double total, string[] codes)
    {
        var builder = Section390().WithClassroom(Classroom((decimal)total / 5, new DateOnly(2025, 8, 5)))
            .With(r => r with { WorkExperience = [.. r.WorkExperience.Select(w => w with { Hours = 110 })] });

        var result = builder.Evaluate();

        Assert.Equal(codes, result.Eligibility.Unmet.Codes());
        Assert.Equal(codes, result.Category(UseCategory.G3).Unmet.Codes());
    }

    [Fact]
    public void TotalHours390_one_half_hour_short_of_700_is_not_qualified()
    {
        var result = Section390().With(r => r with { WorkExperience = [.. r.WorkExperience.Select((w, i) => i == 0 ? w with { Hours = 95.5m } : w)] }).Evaluate();

        result.AssertStatus(UseCategory.G1, ReadinessStatus.NotQualified, "TOTAL_HOURS");
        Assert.False(result.Eligibility.Met);
        Assert.Null(result.Eligibility.Basis);
    }

    [Fact]
    public void Classroom_topic_with_no_hours_is_reported_by_topic()
    {
        var result = Section396().WithClassroom([.. Classroom(20, new DateOnly(2025, 9, 5))[..4], new ClassroomEntry(ClassroomTopic.RadiationBiology, 0, new DateOnly(2025, 9, 30))]).Evaluate();

        var finding = Assert.Single(result.Category(UseCategory.G3).Unmet);
        Assert.Equal(ReasonCode.TopicMissing, finding.Code);
        Assert.Equal("10 CFR 35.396(b)(1)(v)", finding.Citation);
    }

    [Fact]
    public void WorkElement_missing_is_reported_with_its_paragraph()
    {
        var result = Section396().With(r => r with { WorkExperience = [.. r.WorkExperience.Where(w => w.Element != WorkElement.SpillContainmentDecontamination)] }).Evaluate();

        var finding = Assert.Single(result.Category(UseCategory.G3).Unmet);
        Assert.Equal(("WORK_ELEMENT_MISSING", "10 CFR 35.396(b)(2)(v)"), (ReasonCodes.Codes.ToCode(finding.Code), finding.Citation));
    }

    [Fact]
    public void Cases_two_of_three_is_not_qualified_and_three_is_qualified()
    {
        var two = Section396().WithCases(Lutetium("C1", CaseDay), Lutetium("C2", CaseDay)).Evaluate();
        var three = Section396().WithCases(Lutetium("C1", CaseDay), Lutetium("C2", CaseDay), Lutetium("C3", CaseDay)).Evaluate();

        two.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "CASES_MIN");
        three.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
    }

    [Theory]
    [InlineData(1.11, CaseCategory.NoWrittenDirective)]
    [InlineData(1.12, CaseCategory.G1)]
    [InlineData(1220, CaseCategory.G1)]
    [InlineData(1220.5, CaseCategory.G2)]
    [InlineData(1221, CaseCategory.G2)]
    [InlineData(1221.01, CaseCategory.G2)]
    [InlineData(1222, CaseCategory.G2)]
    public void OralIodine_activity_decides_category(double activity, CaseCategory expected)
    {
        var result = Section390().AddCase(Iodine("X1", CaseDay, (decimal)activity)).Evaluate();

        Assert.Equal(expected, result.Case("X1").Category);
    }

    [Theory]
    [InlineData(1220.5, true)]
    [InlineData(1221, true)]
    [InlineData(1220, false)]
    [InlineData(1222, false)]
    public void OralIodine_only_the_1220_to_1221_band_is_a_threshold_review(double activity, bool flagged)
    {
        var result = Section390().AddCase(Iodine("X1", CaseDay, (decimal)activity)).Evaluate();

        Assert.Equal(flagged, result.Case("X1").Reasons.Codes().Contains("THRESHOLD_BOUNDARY"));
        Assert.True(result.Case("X1").Counts);
    }

    [Fact]
    public void OralIodine_three_cases_at_1221_MBq_leave_G1_and_G2_to_a_reviewer()
    {
        var result = Section390().Requesting(UseCategory.G1, UseCategory.G2)
            .WithCases(Iodine("A1", CaseDay, 1221), Iodine("A2", CaseDay, 1221), Iodine("A3", CaseDay, 1221)).Evaluate();

        result.AssertStatus(UseCategory.G1, ReadinessStatus.NeedsReview, "THRESHOLD_BOUNDARY");
        result.AssertStatus(UseCategory.G2, ReadinessStatus.NeedsReview, "THRESHOLD_BOUNDARY");
    }

    [Fact]
    public void OralIodine_boundary_case_that_cannot_change_the_outcome_needs_no_review()
    {
        var result = Section390().AddCase(Iodine("X1", CaseDay, 1221)).Evaluate();

        result.AssertStatus(UseCategory.G1, ReadinessStatus.Qualified);
        result.AssertStatus(UseCategory.G2, ReadinessStatus.Qualified);
    }

    [Fact]
    public void G2Cases_three_satisfy_G1_with_unverified_text_warning()
    {
        var result = Section390().Requesting(UseCategory.G1).WithCases(Iodine("B1", CaseDay, 3700), Iodine("B2", CaseDay, 3700), Iodine("B3", CaseDay, 3700)).Evaluate();

        result.AssertStatus(UseCategory.G1, ReadinessStatus.Qualified);
        Assert.Equal(["RULE_TEXT_UNVERIFIED"], result.Warnings.Codes());
    }

    [Fact]
    public void G1Cases_mixed_with_G2_cases_are_left_to_a_reviewer()
    {
        var result = Section390().Requesting(UseCategory.G1).WithCases(Iodine("A1", CaseDay, 555), Iodine("A2", CaseDay, 555), Iodine("B1", CaseDay, 3700)).Evaluate();

        result.AssertStatus(UseCategory.G1, ReadinessStatus.NeedsReview, "CASES_MIN");
    }

    [Fact]
    public void Cases_three_administrations_to_one_patient_need_review()
    {
        var result = Section396().ChangeCases(c => c with { PatientPseudonym = "pt-same" }).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.NeedsReview, "CASES_SAME_PATIENT");
        Assert.All(result.Cases, c => Assert.True(c.Counts));
    }

    [Fact]
    public void Cases_two_patients_with_two_administrations_each_need_review()
    {
        var result = Section396().WithCases(
            Lutetium("C1", CaseDay) with { PatientPseudonym = "a" }, Lutetium("C2", CaseDay) with { PatientPseudonym = "a" },
            Lutetium("C3", CaseDay) with { PatientPseudonym = "b" }, Lutetium("C4", CaseDay) with { PatientPseudonym = "b" }).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.NeedsReview, "CASES_SAME_PATIENT");
    }

    [Fact]
    public void Case_dated_after_evaluation_date_does_not_count()
    {
        var result = Section396().ChangeCases(c => c.CaseId == "C3" ? c with { Date = Today.AddDays(1) } : c).Evaluate();

        Assert.Equal(["CASE_AFTER_EVALUATION_DATE"], result.Case("C3").Reasons.Codes());
        result.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "CASES_MIN");
    }

    [Fact]
    public void Case_dated_on_evaluation_date_counts()
    {
        var result = Section396().ChangeCases(c => c.CaseId == "C3" ? c with { Date = Today } : c).Evaluate();

        Assert.True(result.Case("C3").Counts);
    }

    [Fact]
    public void Case_not_signed_off_or_observed_only_does_not_count()
    {
        var result = Section396().ChangeCases(c => c.CaseId switch
        {
            "C1" => c with { SignedOff = false },
            "C2" => c with { PersonalParticipation = false },
            _ => c,
        }).Evaluate();

        Assert.Equal(["CASE_NOT_SIGNED_OFF"], result.Case("C1").Reasons.Codes());
        Assert.Equal(["CASE_NO_PARTICIPATION"], result.Case("C2").Reasons.Codes());
        result.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "CASES_MIN");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Supervisor_listed_on_or_after_case_day_decides_whether_it_counts(int daysAfterCase, bool counts)
    {
        var supervisor = Preceptor("P-NEW", Listing(AuthorizationBasis.Section390, CaseDay.AddDays(daysAfterCase), UseCategory.G3));
        var result = Section396().AddPreceptor(supervisor).ChangeCases(c => c.CaseId == "C1" ? c with { Date = CaseDay, SupervisorId = "P-NEW" } : c).Evaluate();

        Assert.Equal(counts, result.Case("C1").Counts);
        Assert.Equal(counts ? [] : ["SUPERVISOR_NOT_AU_ON_DATE"], result.Case("C1").Reasons.Codes());
    }

    [Fact]
    public void Supervisor_whose_listing_ended_the_day_before_the_case_does_not_qualify()
    {
        var supervisor = Preceptor("P-OLD", Listing(AuthorizationBasis.Section390, new DateOnly(2015, 1, 1), UseCategory.G3) with { ListedUntil = CaseDay.AddDays(-1) });
        var result = Section396().AddPreceptor(supervisor).ChangeCases(c => c.CaseId == "C1" ? c with { Date = CaseDay, SupervisorId = "P-OLD" } : c).Evaluate();

        Assert.Equal(["SUPERVISOR_NOT_AU_ON_DATE"], result.Case("C1").Reasons.Codes());
    }

    [Fact]
    public void Supervisor_without_the_case_category_is_reported()
    {
        var supervisor = Preceptor("P-IOD", Listing(AuthorizationBasis.Section390, new DateOnly(2015, 1, 1), UseCategory.G1));
        var result = Section396().AddPreceptor(supervisor).ChangeCases(c => c.CaseId == "C1" ? c with { SupervisorId = "P-IOD" } : c).Evaluate();

        Assert.Equal(["SUPERVISOR_CATEGORY"], result.Case("C1").Reasons.Codes());
    }

    [Fact]
    public void Supervisor_qualified_only_under_35_396_counts_for_35_396_but_not_for_35_390()
    {
        var supervisor = Preceptor("P-396", Listing(AuthorizationBasis.Section396, new DateOnly(2020, 1, 1), UseCategory.G3));

        var for396 = Section396().AddPreceptor(supervisor).ChangeCases(c => c with { SupervisorId = "P-396" }).Evaluate();
        var for390 = Section390().AddPreceptor(supervisor).ChangeCases(c => c.CaseId == "D1" ? c with { SupervisorId = "P-396" } : c).Evaluate();

        Assert.All(for396.Cases, c => Assert.True(c.Counts));
        Assert.Equal(["SUPERVISOR_NOT_QUALIFIED"], for390.Case("D1").Reasons.Codes());
    }

    [Fact]
    public void Supervisor_brachytherapy_AU_only_is_not_qualified()
    {
        var supervisor = Preceptor("P-490", Listing(AuthorizationBasis.Section490, new DateOnly(2015, 1, 1)));
        var result = Section396().AddPreceptor(supervisor).ChangeCases(c => c.CaseId == "C1" ? c with { SupervisorId = "P-490" } : c).Evaluate();

        Assert.Equal(["SUPERVISOR_NOT_QUALIFIED"], result.Case("C1").Reasons.Codes());
    }

    [Fact]
    public void Supervisor_on_another_license_is_flagged_but_counts()
    {
        var result = Section396().ChangeCases(c => c.CaseId == "C1" ? c with { License = "OTHER-1" } : c).Evaluate();

        Assert.True(result.Case("C1").Counts);
        Assert.Contains("SUPERVISOR_OTHER_LICENSE", result.Warnings.Codes());
    }

    [Fact]
    public void Attestation_missing_out_of_scope_and_self_are_each_reported()
    {
        var missing = Section396().WithAttestations().Evaluate();
        var scope = Section396().WithAttestations(Attested(PreceptorId, new DateOnly(2026, 4, 1), UseCategory.G1)).Evaluate();
        var self = Section396().WithAttestations(Attested(TraineeId, new DateOnly(2026, 4, 1), UseCategory.G3)).Evaluate();

        missing.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "ATTESTATION_MISSING");
        scope.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "ATTESTATION_SCOPE");
        self.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "SELF_ATTESTATION");
    }

    [Fact]
    public void Attestor_whose_listing_lapsed_before_signing_needs_review()
    {
        var lapsed = Preceptor("P-LAPSED", Listing(AuthorizationBasis.Section390, new DateOnly(2012, 1, 1), UseCategory.G3) with { ListedUntil = new DateOnly(2026, 3, 31) });
        var result = Section396().AddPreceptor(lapsed).WithAttestations(Attested("P-LAPSED", new DateOnly(2026, 4, 1), UseCategory.G3)).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.NeedsReview, "PRECEPTOR_LAPSED");
    }

    [Fact]
    public void Attestor_listed_on_the_attestation_day_qualifies()
    {
        var lastDay = Preceptor("P-LAST", Listing(AuthorizationBasis.Section390, new DateOnly(2012, 1, 1), UseCategory.G3) with { ListedUntil = new DateOnly(2026, 4, 1) });
        var result = Section396().AddPreceptor(lastDay).WithAttestations(Attested("P-LAST", new DateOnly(2026, 4, 1), UseCategory.G3)).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
        Assert.Equal(["MULTIPLE_PRECEPTORS"], result.Warnings.Codes());
    }

    [Fact]
    public void Attestor_without_the_category_or_basis_is_reported()
    {
        var iodineOnly = Preceptor("P-IOD", Listing(AuthorizationBasis.Section390, new DateOnly(2012, 1, 1), UseCategory.G1));
        var brachy = Preceptor("P-490", Listing(AuthorizationBasis.Section490, new DateOnly(2012, 1, 1)));

        var category = Section396().AddPreceptor(iodineOnly).WithAttestations(Attested("P-IOD", new DateOnly(2026, 4, 1), UseCategory.G3)).Evaluate();
        var basis = Section396().AddPreceptor(brachy).WithAttestations(Attested("P-490", new DateOnly(2026, 4, 1), UseCategory.G3)).Evaluate();

        category.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "PRECEPTOR_CATEGORY");
        basis.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "PRECEPTOR_NOT_QUALIFIED");
    }

    [Fact]
    public void ResidencyProgramDirector_with_concurring_AU_faculty_qualifies_under_2019_text_only()
    {
        var director = Preceptor("P-RPD") with { ResidencyProgramDirector = true };
        var attestation = new Attestation
        {
            AttestorId = "P-RPD", Type = AttestationType.ResidencyProgramDirector, Date = new DateOnly(2026, 4, 1),
            Categories = [UseCategory.G3, UseCategory.L3], ConcurringFacultyId = PreceptorId,
        };

        var current = Section396().AddPreceptor(director).WithAttestations(attestation).Evaluate();
        var withoutFaculty = Section396().AddPreceptor(director).WithAttestations(attestation with { ConcurringFacultyId = null }).Evaluate();
        var legacy = Section396().UnderLegacyRules(UseCategory.L3).AddPreceptor(director).WithAttestations(attestation).Evaluate();

        current.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
        withoutFaculty.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "PRECEPTOR_NOT_QUALIFIED");
        legacy.AssertStatus(UseCategory.L3, ReadinessStatus.NotQualified, "PRECEPTOR_NOT_QUALIFIED");
    }

    [Fact]
    public void Recentness_evidence_exactly_seven_years_old_counts_with_a_flag()
    {
        var result = Section396().With(r => r with { ApplicationDate = new DateOnly(2032, 9, 5) }).Evaluate();

        Assert.Equal(ReadinessStatus.Qualified, result.Category(UseCategory.G3).Status);
        Assert.Contains("RECENTNESS_BOUNDARY", result.Warnings.Codes());
    }

    [Fact]
    public void Recentness_evidence_one_day_past_seven_years_with_later_cases_needs_review()
    {
        var result = Section396().With(r => r with { ApplicationDate = new DateOnly(2032, 9, 6) }).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.NeedsReview, "RECENTNESS_CE_REVIEW");
    }

    [Fact]
    public void Recentness_all_evidence_old_and_nothing_since_is_not_qualified()
    {
        var result = Section396().ShiftEvidence(-8).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "RECENTNESS");
    }

    [Fact]
    public void Recentness_all_evidence_old_with_continuing_education_since_needs_review()
    {
        var result = Section396().ShiftEvidence(-8).WithContinuingEducation(new DateOnly(2024, 5, 1)).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.NeedsReview, "RECENTNESS_CE_REVIEW");
    }

    [Fact]
    public void Ra223_is_G3_under_2019_text_and_L4_under_legacy_text()
    {
        CaseEntry[] radium = [.. CaseIds.Select(id => Therapy(id, CaseDay, "Ra-223 dichloride (Xofigo)", "Ra-223", 4.4m) with { PatientPseudonym = id })];
        var legacyPreceptor = Preceptor(PreceptorId, Listing(AuthorizationBasis.Section390, new DateOnly(2012, 3, 1), UseCategory.L3, UseCategory.L4));

        var current = Section396().WithCases(radium).Evaluate();
        var legacy = Section396().UnderLegacyRules(UseCategory.L3, UseCategory.L4).WithPreceptors(legacyPreceptor).WithCases(radium).Evaluate();

        current.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
        Assert.Equal(["CATEGORY_BY_RULE_SET"], current.Warnings.Codes());
        Assert.All(legacy.Cases, c => Assert.Equal(CaseCategory.L4, c.Category));
        legacy.AssertStatus(UseCategory.L3, ReadinessStatus.NotQualified, "CASES_MIN");
        legacy.AssertStatus(UseCategory.L4, ReadinessStatus.Qualified);
    }

    [Theory]
    [InlineData("Ac-225 PSMA-617 (investigational)", "Ac-225")]
    [InlineData("Pb-212 DOTAMTATE (investigational)", "Pb-212")]
    public void AlphaEmitters_are_G3_under_2019_text(string radiopharmaceutical, string nuclide)
    {
        var result = Section396().ChangeCases(c => c with { Radiopharmaceutical = radiopharmaceutical, Nuclide = nuclide }).Evaluate();

        Assert.All(result.Cases, c => Assert.Equal(CaseCategory.G3, c.Category));
        result.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
    }

    [Theory]
    [InlineData("Y-90 glass microspheres (TheraSphere)", "Y-90", CaseCategory.K1000, "CASE_NOT_35_300")]
    [InlineData("Ga-68 dotatate (NETSPOT)", "Ga-68", CaseCategory.NoWrittenDirective, "CASE_NO_WRITTEN_DIRECTIVE")]
    [InlineData("F-18 FDG", "F-18", CaseCategory.NoWrittenDirective, "CASE_NO_WRITTEN_DIRECTIVE")]
    [InlineData("Tc-99m MDP", "Tc-99m", CaseCategory.NoWrittenDirective, "CASE_NO_WRITTEN_DIRECTIVE")]
    [InlineData("In-111 ibritumomab (Zevalin imaging)", "In-111", CaseCategory.NoWrittenDirective, "CASE_NO_WRITTEN_DIRECTIVE")]
    public void NonCases_never_count_even_with_a_written_directive_flag(string radiopharmaceutical, string nuclide, CaseCategory category, string code)
    {
        var result = Section396().ChangeCases(c => c with { Radiopharmaceutical = radiopharmaceutical, Nuclide = nuclide, Route = AdministrationRoute.IntraArterial }).Evaluate();

        Assert.All(result.Cases, c => Assert.Equal((category, false, code), (c.Category, c.Counts, Assert.Single(c.Reasons.Codes()))));
        result.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "CASES_MIN");
    }

    [Fact]
    public void Case_without_written_directive_is_not_a_case()
    {
        var result = Section396().ChangeCases(c => c.CaseId == "C1" ? c with { WrittenDirectiveRequired = false } : c).Evaluate();

        Assert.Equal((CaseCategory.NoWrittenDirective, false), (result.Case("C1").Category, result.Case("C1").Counts));
    }

    [Theory]
    [InlineData("Y-90 ibritumomab tiuxetan (Zevalin)", "Y-90")]
    [InlineData("Sm-153 lexidronam (Quadramet)", "Sm-153")]
    [InlineData("Sr-89 chloride (Metastron)", "Sr-89")]
    [InlineData("I-131 iobenguane (Azedra)", "I-131")]
    [InlineData("Lu-177 vipivotide tetraxetan (Pluvicto)", "Lu-177")]
    public void TherapyAgents_given_intravenously_are_G3(string radiopharmaceutical, string nuclide)
    {
        var result = Section396().ChangeCases(c => c with { Radiopharmaceutical = radiopharmaceutical, Nuclide = nuclide }).Evaluate();

        Assert.All(result.Cases, c => Assert.Equal((CaseCategory.G3, true), (c.Category, c.Counts)));
    }

    [Fact]
    public void OralIodine_on_the_parenteral_pathway_is_the_wrong_category()
    {
        var result = Section396().AddCase(Iodine("X1", CaseDay, 3700)).Evaluate();

        Assert.Equal((CaseCategory.G2, false, "CASE_WRONG_CATEGORY"), (result.Case("X1").Category, result.Case("X1").Counts, Assert.Single(result.Case("X1").Reasons.Codes())));
    }

    [Fact]
    public void IntraArterial_G3_case_counts_and_is_flagged()
    {
        var result = Section396().ChangeCases(c => c.CaseId == "C1" ? c with { Route = AdministrationRoute.IntraArterial } : c).Evaluate();

        Assert.True(result.Case("C1").Counts);
        Assert.Equal(["ROUTE_NOT_INTRAVENOUS"], result.Warnings.Codes());
    }

    [Fact]
    public void UnknownNuclide_case_is_left_to_a_reviewer_when_it_decides_the_outcome()
    {
        var result = Section396().ChangeCases(c => c.CaseId == "C3" ? c with { Radiopharmaceutical = "Tb-149 experimental", Nuclide = "Tb-149" } : c).Evaluate();

        Assert.Equal((CaseCategory.NotG, false), (result.Case("C3").Category, result.Case("C3").Counts));
        result.AssertStatus(UseCategory.G3, ReadinessStatus.NeedsReview, "CASES_MIN");
    }

    [Fact]
    public void Eligibility_pending_35_490_listing_is_not_yet_eligible()
    {
        var result = Section396().WithTraineeAuthorizations(Listing(AuthorizationBasis.Section490, new DateOnly(2026, 5, 1)) with { Status = AuthorizationStatus.Pending }).Evaluate();

        Assert.False(result.Eligibility.Met);
        Assert.Equal(["AU_STATUS_PENDING"], result.Eligibility.Unmet.Codes());
        result.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "AU_STATUS_PENDING");
        Assert.Contains("OTHER_PATHWAY", result.Warnings.Codes());
    }

    [Fact]
    public void Eligibility_no_AU_status_and_no_board_is_not_eligible_but_cases_are_still_evaluated()
    {
        var result = Section396().WithTraineeAuthorizations().Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.NotQualified, "NOT_ELIGIBLE");
        Assert.All(result.Cases, c => Assert.True(c.Counts));
    }

    [Fact]
    public void Eligibility_recognized_board_certificate_opens_35_396_and_an_old_one_needs_review()
    {
        var recent = Section396().WithTraineeAuthorizations().WithBoardCertification(new DateOnly(2020, 6, 1), "35.490").Evaluate();
        var old = Section396().WithTraineeAuthorizations().WithBoardCertification(new DateOnly(2015, 6, 1), "35.490").Evaluate();

        Assert.Equal("10 CFR 35.396(a)(3)", recent.Eligibility.Basis);
        recent.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
        old.AssertStatus(UseCategory.G3, ReadinessStatus.NeedsReview, "RECENTNESS_CE_REVIEW");
    }

    [Fact]
    public void AlreadyAuthorized_35_390_G3_AU_needs_nothing_for_35_396()
    {
        var result = Section396().WithTraineeAuthorizations(Listing(AuthorizationBasis.Section390, new DateOnly(2021, 1, 1), UseCategory.G3)).WithCases().Evaluate();

        Assert.Equal("10 CFR 35.396(a)(1)", result.Eligibility.Basis);
        result.AssertStatus(UseCategory.G3, ReadinessStatus.AlreadyAuthorized);
    }

    [Fact]
    public void AlreadyAuthorized_grandfathered_by_35_57_even_after_the_listing_ended()
    {
        var grandfathered = Listing(AuthorizationBasis.Section390, new DateOnly(2010, 1, 1), UseCategory.G1) with { ListedUntil = new DateOnly(2020, 1, 1) };
        var result = Section390().WithTraineeAuthorizations(grandfathered).WithCases().Evaluate();

        result.AssertStatus(UseCategory.G1, ReadinessStatus.AlreadyAuthorized);
        result.AssertStatus(UseCategory.G2, ReadinessStatus.NotQualified, "CASES_MIN");
    }

    [Fact]
    public void Board390_pathway_needs_cases_but_no_attestation_since_2019()
    {
        var current = Section390().WithBoardCertification(new DateOnly(2022, 6, 1), "35.390").WithClassroom().WithAttestations().Evaluate();
        var legacy = Section390().UnderLegacyRules(UseCategory.G1).WithBoardCertification(new DateOnly(2012, 6, 1), "35.390").WithClassroom().WithAttestations().ShiftEvidence(-10)
            .With(r => r with { EvaluationDate = new DateOnly(2016, 6, 15) }).Evaluate();

        Assert.Equal("10 CFR 35.390(a)", current.Eligibility.Basis);
        current.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
        legacy.AssertStatus(UseCategory.G1, ReadinessStatus.NotQualified, "ATTESTATION_MISSING");
    }

    [Fact]
    public void Section396_request_for_an_oral_category_is_not_granted()
    {
        var result = Section396().Requesting(UseCategory.G3, UseCategory.G1).Evaluate();

        result.AssertStatus(UseCategory.G3, ReadinessStatus.Qualified);
        result.AssertStatus(UseCategory.G1, ReadinessStatus.NotQualified, "NOT_ELIGIBLE");
        Assert.Equal([UseCategory.G3, UseCategory.G1], result.Categories.Select(c => c.Category));
    }

    [Fact]
    public void Engine_rejects_a_G4_request_built_in_code()
    {
        var record = Section396().Requesting(UseCategory.G4).Build();

        Assert.Throws<ArgumentException>(() => ReadinessEngine.Evaluate(record));
    }

    [Fact]
    public void Engine_same_record_gives_identical_json()
    {
        var record = Section390().Build();

        Assert.Equal(ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(record)), ReadinessResultJson.Serialize(ReadinessEngine.Evaluate(record)));
    }

    [Fact]
    public void ReasonTexts_cover_every_reason_code()
    {
        Assert.All(Enum.GetValues<ReasonCode>(), code => Assert.False(string.IsNullOrWhiteSpace(ReasonTexts.For(code).NextStep)));
        Assert.Equal("Fewer than three countable cases", ReasonTexts.For("CASES_MIN")?.Title);
        Assert.Null(ReasonTexts.For("NO_SUCH_CODE"));
    }
}
