namespace TrainingNetwork.Domain.Validation;

/// <summary>Result of <see cref="UploadedFile.Check"/>: the detected content type, or a message for the user.</summary>
public sealed record UploadCheck(string? ContentType, string? Error);
