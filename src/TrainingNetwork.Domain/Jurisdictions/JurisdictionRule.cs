using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;

namespace TrainingNetwork.Domain.Jurisdictions;

/// <summary>
/// From <see cref="EffectiveFrom"/> on, who licenses radioactive-materials users in <see cref="State"/> (the NRC or the
/// Agreement State) and which text of the training rules is in force there (au-rules.md §8, Q1). A state's rows form its
/// history; the one in force on a date is the latest that began on or before it.
/// </summary>
public sealed class JurisdictionRule
{
    public const int NoteMaxLength = 1000;

    public JurisdictionRule(Guid id, string state, Regulator regulator, RuleSet ruleSet, DateOnly effectiveFrom, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(note.Length, NoteMaxLength, nameof(note));
        Id = id;
        State = UsState.Normalize(state);
        Regulator = regulator;
        RuleSet = ruleSet;
        EffectiveFrom = effectiveFrom;
        Note = note;
    }

    public Guid Id { get; private set; }
    public string State { get; private set; }
    public Regulator Regulator { get; private set; }
    public RuleSet RuleSet { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Where the fact comes from (a Federal Register notice, a state rule), or why it was entered.</summary>
    public string Note { get; private set; }

    /// <summary>The rule set a physician licensed here is judged under: this row's, unless staff chose another (Q1).</summary>
    public RuleSet RuleSetWith(RuleSet? staffOverride) => staffOverride ?? RuleSet;

    /// <summary>The row in force on <paramref name="date"/> among one state's rows; before the first row, the first.</summary>
    public static JurisdictionRule InForce(IEnumerable<JurisdictionRule> stateRules, DateOnly date)
    {
        var ordered = stateRules.OrderBy(r => r.EffectiveFrom).ToList();
        if (ordered.Count == 0)
        {
            throw new InvalidOperationException("A state without jurisdiction rules cannot be judged.");
        }

        return ordered.LastOrDefault(r => r.EffectiveFrom <= date) ?? ordered[0];
    }
}
