namespace TrainingNetwork.Domain.Centers;

/// <summary>Who issued a radioactive materials license: the NRC or an Agreement State.</summary>
public enum Regulator
{
    Nrc,
    AgreementState,
}
