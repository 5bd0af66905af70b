using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Readiness.Results;
using TrainingNetwork.Domain.Readiness.Rules;

namespace TrainingNetwork.Domain.Readiness.Evaluation;

/// <summary>35.390(b)(2) / 35.396(b)(3): a written attestation from a qualified preceptor AU, or (2019 text) a residency program director with a concurring AU faculty member.</summary>
internal static class AttestationCheck
{
    /// <summary>The findings of the best attestation covering the category, and who vouched when it holds.</summary>
    public sealed record Outcome(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Attestors);

    public static Outcome Judge(EvaluationContext context, UseCategory category, EvidenceWindow window)
    {
        var required = context.Book.Attestation!;
        var attestations = context.Record.Attestations.Where(a => context.Admits(a.Date, window)).ToList();
        if (attestations.Count == 0)
        {
            return Failed(new Finding(ReasonCode.AttestationMissing, required.Citation, "no attestation on record"));
        }

        var covering = attestations
            .Where(a => context.RuleSet.Covers(a.Categories, category))
            .OrderByDescending(a => a.Date)
            .ThenBy(a => a.AttestorId, StringComparer.Ordinal)
            .ThenBy(a => a.Type)
            .ThenBy(a => a.ConcurringFacultyId, StringComparer.Ordinal)
            .ToList();
        if (covering.Count == 0)
        {
            return Failed(new Finding(ReasonCode.AttestationScope, required.Citation,
                $"no attestation covers {CategoryLabels.Of(category)}"));
        }

        return covering
            .Select(attestation => new Outcome(Problems(context, attestation, category, required.Citation), Vouchers(attestation)))
            .MinBy(outcome => outcome.Findings.Severity())!;
    }

    private static Outcome Failed(Finding finding) => new([finding], []);

    private static string[] Vouchers(Attestation attestation) =>
        attestation.ConcurringFacultyId is { } faculty ? [attestation.AttestorId, faculty] : [attestation.AttestorId];

    private static IReadOnlyList<Finding> Problems(EvaluationContext context, Attestation attestation, UseCategory category, string citation)
    {
        if (context.IsTrainee(attestation.AttestorId))
        {
            return [new Finding(ReasonCode.SelfAttestation, citation,
                $"attestor is the trainee; the trainee is not an AU meeting {context.AttestorSections} for {CategoryLabels.Of(category)} (EP-5)")];
        }

        var attestor = context.FindPreceptor(attestation.AttestorId);
        if (attestor is null)
        {
            return [new Finding(ReasonCode.PreceptorNotQualified, citation, $"attestor {attestation.AttestorId} is not among the record's preceptors")];
        }

        if (attestation.Type == AttestationType.PreceptorAu)
        {
            return AuProblems(context, attestor, "preceptor", attestation.Date, category, citation);
        }

        if (!context.RuleSet.ResidencyProgramDirectorMayAttest)
        {
            return [new Finding(ReasonCode.PreceptorNotQualified, citation, "the legacy text has no residency-program-director attestation")];
        }

        if (!attestor.ResidencyProgramDirector)
        {
            return [new Finding(ReasonCode.PreceptorNotQualified, citation, $"{attestor.Id} is not recorded as a residency program director")];
        }

        if (attestation.ConcurringFacultyId is not { } facultyId)
        {
            return [new Finding(ReasonCode.PreceptorNotQualified, citation, "no concurring AU faculty member named for the residency-program-director attestation")];
        }

        if (context.IsTrainee(facultyId))
        {
            return [new Finding(ReasonCode.SelfAttestation, citation, "the concurring faculty member is the trainee (EP-5)")];
        }

        return context.FindPreceptor(facultyId) is { } faculty
            ? AuProblems(context, faculty, "concurring faculty member", attestation.Date, category, citation)
            : [new Finding(ReasonCode.PreceptorNotQualified, citation, $"concurring faculty member {facultyId} is not among the record's preceptors")];
    }

    private static IReadOnlyList<Finding> AuProblems(
        EvaluationContext context, Preceptor person, string role, DateOnly date, UseCategory category, string citation)
    {
        var bases = context.Book.AttestorBases;
        var standing = AuthorizationRules.Check(person.Authorizations, bases, listing => listing.Covers(category, context.RuleSet), date);
        var sections = context.AttestorSections;
        Finding? problem = standing.Standing switch
        {
            Standing.Qualified => null,
            Standing.NoQualifyingBasis => new Finding(ReasonCode.PreceptorNotQualified, citation,
                $"{role} {person.Id} is not an AU under {sections} (or Agreement State equivalent)"),
            Standing.CategoryNotCovered => new Finding(ReasonCode.PreceptorCategory, citation,
                $"{role} {person.Id} has no authorization for {CategoryLabels.Of(category)}"),
            // EP-4 / Q12: the rule is silent on a listing that ended before the attestation was signed.
            Standing.Lapsed => new Finding(ReasonCode.PreceptorLapsed, citation,
                $"{role} {person.Id}'s listing ended {EvaluationContext.Day(standing.Authorization!.ListedUntil!.Value)}, before the attestation of {EvaluationContext.Day(date)}: QUALIFIED if a reviewer accepts it, NOT_QUALIFIED otherwise (EP-4)",
                NeedsReview: true),
            _ => new Finding(ReasonCode.PreceptorNotQualified, citation,
                $"{role} {person.Id} was not listed for {CategoryLabels.Of(category)} on {EvaluationContext.Day(date)} ({standing.Standing})"),
        };
        return problem is null ? [] : [problem];
    }
}
