namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>The closed vocabularies of trainee-record v1 (spec/trainee-record-v1.md).</summary>
public static class RecordCodes
{
    public static readonly CodeMap<Pathway> Pathways = new(
        ("35.396", Pathway.Section396),
        ("35.390", Pathway.Section390));

    public static readonly CodeMap<RuleSet> RuleSets = new(
        ("NRC-2019", RuleSet.Nrc2019),
        ("LEGACY-2005", RuleSet.Legacy2005));

    public static readonly CodeMap<Regulator> Regulators = new(
        ("NRC", Regulator.Nrc),
        ("AGREEMENT_STATE", Regulator.AgreementState));

    public static readonly CodeMap<UseCategory> Categories = new(
        ("G1", UseCategory.G1),
        ("G2", UseCategory.G2),
        ("G3", UseCategory.G3),
        ("G4", UseCategory.G4),
        ("L3", UseCategory.L3),
        ("L4", UseCategory.L4));

    public static readonly CodeMap<AuthorizationBasis> Bases = new(
        ("35.390", AuthorizationBasis.Section390),
        ("35.396", AuthorizationBasis.Section396),
        ("35.392", AuthorizationBasis.Section392),
        ("35.394", AuthorizationBasis.Section394),
        ("35.490", AuthorizationBasis.Section490),
        ("35.690", AuthorizationBasis.Section690),
        ("35.57", AuthorizationBasis.Section57));

    public static readonly CodeMap<AuthorizationStatus> Statuses = new(
        ("LISTED", AuthorizationStatus.Listed),
        ("PENDING", AuthorizationStatus.Pending));

    public static readonly CodeMap<ClassroomTopic> Topics = new(
        ("T1_physics_instrumentation", ClassroomTopic.PhysicsInstrumentation),
        ("T2_radiation_protection", ClassroomTopic.RadiationProtection),
        ("T3_mathematics_radioactivity", ClassroomTopic.MathematicsRadioactivity),
        ("T4_chemistry_byproduct_material", ClassroomTopic.ChemistryByproductMaterial),
        ("T5_radiation_biology", ClassroomTopic.RadiationBiology));

    public static readonly CodeMap<WorkElement> WorkElements = new(
        ("WE1_order_receive_unpack_survey", WorkElement.OrderReceiveUnpackSurvey),
        ("WE2_dose_calibrator_QC_survey_meter_checks", WorkElement.DoseCalibratorQcSurveyMeterChecks),
        ("WE3_calculate_measure_prepare_dosages", WorkElement.CalculateMeasurePrepareDosages),
        ("WE4_administrative_controls_prevent_medical_event", WorkElement.AdministrativeControlsPreventMedicalEvent),
        ("WE5_spill_containment_decontamination", WorkElement.SpillContainmentDecontamination));

    public static readonly CodeMap<AdministrationRoute> Routes = new(
        ("ORAL", AdministrationRoute.Oral),
        ("INTRAVENOUS", AdministrationRoute.Intravenous),
        ("INTRA_ARTERIAL", AdministrationRoute.IntraArterial),
        ("INTRACAVITARY", AdministrationRoute.Intracavitary),
        ("INTRATHECAL", AdministrationRoute.Intrathecal),
        ("OTHER_PARENTERAL", AdministrationRoute.OtherParenteral));

    public static readonly CodeMap<AttestationType> AttestationTypes = new(
        ("PRECEPTOR_AU", AttestationType.PreceptorAu),
        ("RESIDENCY_PROGRAM_DIRECTOR", AttestationType.ResidencyProgramDirector));
}
