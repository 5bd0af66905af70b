namespace TrainingNetwork.Domain.Trainees;

/// <summary>
/// A specialty board certificate. <see cref="RecognizedUnder"/> lists the sections (e.g. "35.390", "35.490") under which
/// NRC recognizes it; it is empty for certificates NRC does not recognize (such as ABR certificates issued after 2023).
/// </summary>
public sealed class BoardCertificate : ITraineeEvidence
{
    public static readonly IReadOnlyList<string> RecognizableSections = ["35.390", "35.392", "35.394", "35.490", "35.690"];

    public BoardCertificate(Guid id, Guid traineeId, string board, string specialty, DateOnly issuedOn, List<string> recognizedUnder)
    {
        if (recognizedUnder.Any(section => !RecognizableSections.Contains(section)))
        {
            throw new ArgumentException("Unknown section in the recognition list.", nameof(recognizedUnder));
        }

        Id = id;
        TraineeId = traineeId;
        Board = board;
        Specialty = specialty;
        IssuedOn = issuedOn;
        RecognizedUnder = [.. recognizedUnder.Distinct()];
    }

    public Guid Id { get; private set; }
    public Guid TraineeId { get; private set; }
    public string Board { get; private set; }
    public string Specialty { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public List<string> RecognizedUnder { get; private set; }
}
