namespace TrainingNetwork.Domain.Readiness.Records;

/// <summary>One validation problem: the JSON path it concerns (e.g. <c>$.cases[3].activity_mbq</c>) and what is wrong.</summary>
public sealed record RecordError(string Path, string Message);

/// <summary>Either a record or every problem found in the document; never both.</summary>
public sealed record TraineeRecordParseResult(TraineeRecord? Record, IReadOnlyList<RecordError> Errors)
{
    public bool Succeeded => Record is not null;
}
