namespace TrainingNetwork.Domain.Readiness.Records;

public enum Pathway
{
    Section396,
    Section390,
}

public enum RuleSet
{
    Nrc2019,
    Legacy2005,
}

public enum Regulator
{
    Nrc,
    AgreementState,
}

/// <summary>A 35.300 use category as it appears in requests, authorizations and attestations.</summary>
public enum UseCategory
{
    G1,
    G2,
    G3,
    G4,
    L3,
    L4,
}

public enum AuthorizationBasis
{
    Section390,
    Section396,
    Section392,
    Section394,
    Section490,
    Section690,
    Section57,
}

public enum AuthorizationStatus
{
    Listed,
    Pending,
}

public enum ClassroomTopic
{
    PhysicsInstrumentation,
    RadiationProtection,
    MathematicsRadioactivity,
    ChemistryByproductMaterial,
    RadiationBiology,
}

public enum WorkElement
{
    OrderReceiveUnpackSurvey,
    DoseCalibratorQcSurveyMeterChecks,
    CalculateMeasurePrepareDosages,
    AdministrativeControlsPreventMedicalEvent,
    SpillContainmentDecontamination,
}

public enum AdministrationRoute
{
    Oral,
    Intravenous,
    IntraArterial,
    Intracavitary,
    Intrathecal,
    OtherParenteral,
}

public enum AttestationType
{
    PreceptorAu,
    ResidencyProgramDirector,
}
