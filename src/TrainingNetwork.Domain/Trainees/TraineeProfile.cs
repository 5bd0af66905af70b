using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;

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
        RequestedCategories = DefaultCategories(pathway);
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }
    public string Specialty { get; private set; }
    public string PracticeState { get; private set; }
    public Pathway Pathway { get; private set; }

    /// <summary>The 35.300 categories asked for, as record codes (G1, G2, G3).</summary>
    public List<string> RequestedCategories { get; private set; }

    /// <summary>National Provider Identifier; null until the physician records it.</summary>
    public string? Npi { get; private set; }

    /// <summary>The state of the licensee that will list the physician as an AU; null means the practice state.</summary>
    public string? IntendedLicenseeState { get; private set; }

    /// <summary>Whose jurisdiction rules decide which rule set applies (Q1).</summary>
    public string LicenseeState => LicenseeStateOf(IntendedLicenseeState, PracticeState);

    /// <summary><see cref="LicenseeState"/> from the stored columns, for readers that project them.</summary>
    public static string LicenseeStateOf(string? intendedLicenseeState, string practiceState) => intendedLicenseeState ?? practiceState;

    /// <summary>A rule set staff chose instead of the jurisdiction's, with their written justification; null when none.</summary>
    public RuleSet? RuleSetOverride { get; private set; }

    public string? RuleSetOverrideJustification { get; private set; }

    public IReadOnlyList<ClassroomEntry> Classroom => _classroom;

    public ClassroomEntry RecordClassroom(
        Guid entryId, ClassroomTopic topic, decimal hours, DateOnly completedOn, string provider, Guid? certificateDocumentId = null)
    {
        var entry = new ClassroomEntry(entryId, Id, topic, hours, completedOn, provider, certificateDocumentId);
        _classroom.Add(entry);
        return entry;
    }

    public ClassroomEntry RemoveClassroom(Guid entryId)
    {
        var entry = _classroom.SingleOrDefault(c => c.Id == entryId)
            ?? throw new InvalidOperationException("That classroom entry is not one of this physician's.");
        _classroom.Remove(entry);
        return entry;
    }

    public void UpdateProfile(string specialty, string practiceState, string? npi)
    {
        Specialty = specialty;
        PracticeState = UsState.Normalize(practiceState);
        Npi = npi;
    }

    public void SetIntendedLicenseeState(string? state) =>
        IntendedLicenseeState = string.IsNullOrWhiteSpace(state) ? null : UsState.Normalize(state);

    /// <summary>Staff apply <paramref name="ruleSet"/> to this physician instead of the jurisdiction's, and say why.</summary>
    public void OverrideRuleSet(RuleSet ruleSet, string justification)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(justification);
        RuleSetOverride = ruleSet;
        RuleSetOverrideJustification = justification.Trim();
    }

    public void ClearRuleSetOverride()
    {
        RuleSetOverride = null;
        RuleSetOverrideJustification = null;
    }

    /// <summary>
    /// The requested categories as record codes under <paramref name="ruleSet"/>. The profile keeps NRC-2019 codes; under
    /// LEGACY-2005 a (G)(3) request is a request for the old (G)(3) and (G)(4), L3 and L4, whose union the 2019 (G)(3) is.
    /// </summary>
    public static IReadOnlyList<UseCategory> CategoriesUnder(RuleSet ruleSet, IEnumerable<string> requestedCodes) =>
        [.. requestedCodes.Select(RecordCodes.Categories.Parse)
            .SelectMany(category => ruleSet == RuleSet.Legacy2005 && category == UseCategory.G3 ? [UseCategory.L3, UseCategory.L4] : new[] { category })
            .Distinct()];

    /// <summary>35.396 is for (G)(3) only; 35.390 lets the physician choose among G1–G3.</summary>
    public void ChoosePathway(Pathway pathway, IReadOnlyCollection<UseCategory> categories)
    {
        var allowed = DefaultCategories(pathway);
        var chosen = categories.Select(c => RecordCodes.Categories.ToCode(c)).Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(code => !allowed.Contains(code)))
        {
            throw new ArgumentException($"Under 10 CFR {(pathway == Pathway.Section396 ? "35.396" : "35.390")} choose among {string.Join(", ", allowed)}.", nameof(categories));
        }

        Pathway = pathway;
        RequestedCategories = chosen;
    }

    public static List<string> DefaultCategories(Pathway pathway) => pathway == Pathway.Section396 ? ["G3"] : ["G1", "G2", "G3"];
}
