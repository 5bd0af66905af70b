using TrainingNetwork.Domain.Jurisdictions;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Profile;

/// <summary>
/// Which rule set the engine applies to a physician and why: the one in force in the jurisdiction of the licensee that will
/// list them (their practice state unless they named another), or the one staff chose instead, with their justification.
/// </summary>
public sealed record AppliedRuleSet(string LicenseeState, bool IsPracticeState, JurisdictionRule Jurisdiction, RuleSet? Override, string? Justification)
{
    /// <summary>The audit subject of changes to a physician's licensee state or rule set override.</summary>
    public const string SubjectType = "trainee_profile";

    public RuleSet RuleSet => Jurisdiction.RuleSetWith(Override);

    public static async Task<AppliedRuleSet> OfAsync(AppDbContext db, TraineeProfile trainee, DateOnly today, CancellationToken ct) =>
        new(trainee.LicenseeState, trainee.IntendedLicenseeState is null, await db.JurisdictionInForceAsync(trainee.LicenseeState, today, ct),
            trainee.RuleSetOverride, trainee.RuleSetOverrideJustification);

    /// <summary>The rule set codes of trainee-record v1, as forms offer them.</summary>
    public static IReadOnlyList<string> RuleSetCodes { get; } = [Code(RuleSet.Nrc2019), Code(RuleSet.Legacy2005)];

    public static string Code(RuleSet ruleSet) => RecordCodes.RuleSets.ToCode(ruleSet);

    /// <summary>Why the jurisdiction's rule set applies, e.g. "MI is regulated by the NRC under NRC-2019 since 2019-01-14."</summary>
    public string JurisdictionInWords =>
        $"{LicenseeState} is regulated by {(Jurisdiction.Regulator == Regulator.Nrc ? "the NRC" : "the state as an Agreement State")} "
        + $"under {Code(Jurisdiction.RuleSet)} since {Jurisdiction.EffectiveFrom:yyyy-MM-dd}.";
}
