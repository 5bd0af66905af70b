using TrainingNetwork.Domain.Centers;

namespace TrainingNetwork.Domain.Trainees;

/// <summary>A physician working toward Authorized User status, and the evidence they have recorded.</summary>
public sealed class TraineeProfile
{
    private readonly List<ClassroomEntry> _classroom = [];

    public TraineeProfile(Guid id, string userId, string specialty, string practiceState, Pathway pathway)
    {
        Id = id;
        UserId = userId;
        Specialty = specialty;
        PracticeState = UsState.Normalize(practiceState);
        Pathway = pathway;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }
    public string Specialty { get; private set; }
    public string PracticeState { get; private set; }
    public Pathway Pathway { get; private set; }
    public IReadOnlyList<ClassroomEntry> Classroom => _classroom;

    public decimal ClassroomHours => _classroom.Sum(c => c.Hours);

    public ClassroomEntry RecordClassroom(Guid entryId, ClassroomTopic topic, decimal hours, DateOnly completedOn, string provider)
    {
        var entry = new ClassroomEntry(entryId, Id, topic, hours, completedOn, provider);
        _classroom.Add(entry);
        return entry;
    }
}

/// <summary>The section of 10 CFR Part 35 the physician qualifies under.</summary>
public enum Pathway
{
    /// <summary>35.396: parenteral administrations, for physicians already AUs under 35.490/35.690 or board eligible.</summary>
    Section396,

    /// <summary>35.390: all 35.300 uses, by board certification or the 700-hour alternate pathway.</summary>
    Section390,
}
