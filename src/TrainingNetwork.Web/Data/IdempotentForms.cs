namespace TrainingNetwork.Web.Data;

/// <summary>Placeholder: filled in by the idempotency work of issue 7.</summary>
public sealed class IdempotentForms;
