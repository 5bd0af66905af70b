namespace TrainingNetwork.Domain.Validation;

/// <summary>Result of <see cref="Activity.ParseMbq"/>: either an activity in MBq or a message for the user.</summary>
public sealed record ActivityParse(decimal? Mbq, string? Error)
{
    public bool Succeeded => Mbq is not null;
}
