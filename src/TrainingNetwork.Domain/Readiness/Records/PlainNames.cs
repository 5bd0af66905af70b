namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>The names people read for the classroom topics and work-experience elements of 35.390(b) / 35.396(b).</summary>
public static class PlainNames
{
    public static string Of(ClassroomTopic topic) => topic switch
    {
        ClassroomTopic.PhysicsInstrumentation => "Radiation physics and instrumentation",
        ClassroomTopic.RadiationProtection => "Radiation protection",
        ClassroomTopic.MathematicsRadioactivity => "Mathematics of radioactivity",
        ClassroomTopic.ChemistryByproductMaterial => "Chemistry of byproduct material",
        _ => "Radiation biology",
    };

    public static string Of(WorkElement element) => element switch
    {
        WorkElement.OrderReceiveUnpackSurvey =>
            "Ordering, receiving and unpacking radioactive materials safely and performing the related radiation surveys",
        WorkElement.DoseCalibratorQcSurveyMeterChecks =>
            "Performing quality control procedures on instruments used to determine the activity of dosages, and performing checks for proper operation of survey meters",
        WorkElement.CalculateMeasurePrepareDosages => "Calculating, measuring, and safely preparing patient or human research subject dosages",
        WorkElement.AdministrativeControlsPreventMedicalEvent =>
            "Using administrative controls to prevent a medical event involving the use of byproduct material",
        _ => "Using procedures to contain spilled byproduct material safely and using proper decontamination procedures",
    };
}
