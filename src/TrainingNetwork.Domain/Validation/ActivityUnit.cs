namespace TrainingNetwork.Domain.Validation;

public enum ActivityUnit
{
    MBq,
    GBq,
    MCi,
}
